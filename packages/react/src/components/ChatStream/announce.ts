/**
 * The sentences of an answer that can be announced to a screen reader: the completed ones while it streams, all
 * of it once finished. Announcing per sentence, not per token, keeps the `aria-live` region from reading word
 * fragments; the list only ever grows, so a live region rendering one node per sentence announces each once.
 */
export function announceableSentences(text: string, finished: boolean): string[] {
  return createSentenceSplitter()(text, finished);
}

/**
 * {@link announceableSentences} for a text that only grows: it scans from where the last completed sentence ended,
 * so each frame costs the new text only, not the whole answer.
 */
export function createSentenceSplitter(): (text: string, finished: boolean) => string[] {
  let previousText = '';
  let complete: string[] = [];
  let scanned = 0;
  return (text, finished) => {
    if (!text.startsWith(previousText)) {
      complete = [];
      scanned = 0;
    }
    previousText = text;
    const boundary = /[.!?…](?=\s)|\n\n/g;
    boundary.lastIndex = scanned;
    const added: string[] = [];
    for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
      const end = match.index + match[0].length;
      push(added, text.slice(scanned, end));
      scanned = end;
    }
    if (added.length) complete = [...complete, ...added];
    if (!finished) return complete;
    const last: string[] = [];
    push(last, text.slice(scanned));
    return last.length ? [...complete, ...last] : complete;
  };
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
