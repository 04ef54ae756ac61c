import type { EmbedTheme } from './embed-theme.js';

/** flowise-embed's `dateTimeToggle`: which of the date and the time to show under each message. */
export type DateTimeToggle = NonNullable<NonNullable<EmbedTheme['chatWindow']>['dateTimeToggle']>;

/** When a message was asked or answered, as the toggle says, in the reader's locale; nothing when both are off. */
export function MessageTime({ at, toggle }: { at: number | undefined; toggle: DateTimeToggle | undefined }) {
  if (at === undefined || !(toggle?.date || toggle?.time)) return null;
  const when = new Date(at);
  const parts = [
    toggle.date ? when.toLocaleDateString() : '',
    toggle.time ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '',
  ];
  return (
    <time className="fk-widget__time" dateTime={when.toISOString()}>
      {parts.filter(Boolean).join(' ')}
    </time>
  );
}
