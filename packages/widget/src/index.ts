/**
 * @flowise-kit/widget — a drop-in Flowise chat widget. For React apps: `<ChatWidget/>`. For any page: the script
 * build `dist/web.js` (self-contained: preact/compat bundled in place of React, rendered in a shadow root) with a
 * flowise-embed compatible `init`.
 *
 * @packageDocumentation
 */
export { ChatWidget, type ChatWidgetControls, type ChatWidgetProps } from './ChatWidget.js';
export { themeToStyle, type CssLength, type EmbedMessageTheme, type EmbedTheme } from './embed-theme.js';
export type { ObservedMessage, Observers } from './observers.js';
