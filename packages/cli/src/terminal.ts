/**
 * Model output and source documents are untrusted: printed as they are, an escape sequence in them could move the
 * cursor, rewrite the screen or set the terminal's title. Text for the terminal keeps line breaks and tabs and drops
 * every other control character (C0, DEL, C1), ESC included.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
