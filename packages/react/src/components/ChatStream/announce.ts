/**
 * The sentences of an answer that can be announced to a screen reader: the completed ones while it streams, all
 * of it once finished. Announcing per sentence, not per token, keeps the `aria-live` region from reading word
 * fragments; the list only ever grows, so a live region rendering one node per sentence announces each once.
 */
export function announceableSentences(text: string, finished: boolean): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…](?=\s)|\n\n/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    push(sentences, text.slice(start, end));
    start = end;
  }
  if (finished) push(sentences, text.slice(start));
  return sentences;
}

function push(sentences: string[], sentence: string): void {
  const text = plainText(sentence);
  if (text) sentences.push(text);
}

/** Markdown as a screen reader should hear it: no emphasis marks, fences, heading marks or link targets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[\w-]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|~~|`/g, '')
    .replace(/(^|[^\w])[*_]+(?=\S)|(?<=\S)[*_]+(?=[^\w]|$)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-+*]\s+|\d+[.)]\s+)/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
