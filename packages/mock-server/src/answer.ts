/** The words of the generated answer: markdown with a paragraph, a list, a code block and Unicode. */
const PARAGRAPH =
  'Once upon a time, a small fox named Ünï lived by a river 🦊. She counted the stones every morning and told the moon what she had learned.'.split(
    ' ',
  );
const LIST = [
  '\n\n-',
  'Listen',
  'more',
  'than',
  'you',
  'count.',
  '\n-',
  'Ask',
  '**good**',
  'questions.',
  '\n-',
  'Keep',
  '`notes`',
  'short.',
];
const CODE = ['\n\n```js\nconst', 'listen', '=', '()', '=>', '"more";\n```\n\n'];
const WORDS = [...PARAGRAPH, ...LIST, ...CODE];

/**
 * The tokens of the mock's answer: exactly `n` strings (a word each, with its leading space), deterministic, so a
 * test can compute the expected text with `answerTokens(n).join('')`. Longer answers repeat the text.
 */
export function answerTokens(n: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const word = WORDS[i % WORDS.length]!;
    tokens.push(i === 0 || word.startsWith('\n') ? word : ` ${word}`);
  }
  return tokens;
}

/** A long answer like fixtures/long-5000-tokens-stream.http: a word per token, a list item every 60 tokens. */
export function longAnswerTokens(n: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % 60 === 0) tokens.push(`\n- item ${i / 60}:`);
    else tokens.push(i === 0 ? 'Word' : ` word${i % 97}`);
  }
  return tokens;
}
