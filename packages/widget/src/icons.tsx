/** Inline SVG icons: a glyph such as ✕ renders as an empty box on a system without the font that has it. */
export function CloseIcon({ size }: { size: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
    </svg>
  );
}

/** The launcher's chat bubble. */
export function ChatIcon({ size }: { size: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path d="M4 5h16v10H9l-5 4V5z" fill="currentColor" />
    </svg>
  );
}
