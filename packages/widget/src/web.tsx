/**
 * The script-tag build (dist/web.js): self-contained (vite.web.config.ts bundles preact/compat in place of React),
 * the widget rendered in a shadow root so the host page's CSS cannot break it and its CSS cannot leak. The API
 * mirrors flowise-embed's, so a site switches by changing the URL:
 *
 *   <script type="module">
 *     import Chatbot from 'https://…/@flowise-kit/widget/dist/web.js';
 *     Chatbot.init({ chatflowid: '…', apiHost: 'https://flowise.example.com', theme: { … } });
 *   </script>
 */
import { createRoot, type Root } from 'react-dom/client';
// The kit's stylesheets as text, injected into the shadow root (document styles do not reach it).
import kitStyles from '@flowise-kit/react/styles.css?inline';
import { ChatWidget } from './ChatWidget.js';
import widgetStyles from './ChatWidget.css?inline';
import type { EmbedTheme } from './embed-theme.js';

/** flowise-embed's init options, plus `apiKey` and `colorScheme`. */
export interface InitOptions {
  chatflowid: string;
  /** Default: this page's origin. */
  apiHost?: string;
  /** Sent as `overrideConfig` with every question. */
  chatflowConfig?: Record<string, unknown>;
  theme?: EmbedTheme;
  apiKey?: string;
  colorScheme?: 'light' | 'dark' | 'auto';
  /** Accepted for compatibility with flowise-embed; not used. */
  observersConfig?: unknown;
}

const mounted: { root: Root; host: HTMLElement; created: boolean }[] = [];

function mount(options: InitOptions, fullPage: boolean, target?: HTMLElement): void {
  const existing = fullPage ? (target ?? document.querySelector<HTMLElement>('flowise-fullchatbot')) : null;
  const host = existing ?? document.createElement(fullPage ? 'flowise-fullchatbot' : 'flowise-kit-chatbot');
  if (!existing) document.body.append(host);
  // A full-page chat we create fills the viewport; an element the page provides keeps the page's sizing.
  if (fullPage && !existing) host.style.cssText = 'display:block;width:100%;height:100vh;height:100dvh;';
  else if (fullPage) host.style.display ||= 'block';
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = kitStyles + widgetStyles;
  const container = document.createElement('div');
  if (fullPage) container.style.cssText = 'height:100%;';
  shadow.replaceChildren(style, container);
  const root = createRoot(container);
  root.render(
    <ChatWidget
      apiHost={options.apiHost ?? location.origin}
      chatflowId={options.chatflowid}
      {...(options.chatflowConfig ? { overrideConfig: options.chatflowConfig } : {})}
      {...(options.apiKey ? { apiKey: options.apiKey } : {})}
      {...(options.theme ? { theme: options.theme } : {})}
      {...(options.colorScheme ? { colorScheme: options.colorScheme } : {})}
      fullPage={fullPage}
    />,
  );
  mounted.push({ root, host, created: !existing });
}

/** Adds the floating launcher and chat panel to the page. */
export function init(options: InitOptions): void {
  mount(options, false);
}

/** Renders a full-page chat into `<flowise-fullchatbot>` (created at the end of the body if absent) or `target`. */
export function initFull(options: InitOptions & { target?: HTMLElement }): void {
  mount(options, true, options.target);
}

/** Removes every widget this script added. */
export function destroy(): void {
  for (const { root, host, created } of mounted.splice(0)) {
    root.unmount();
    if (created) host.remove();
  }
}

const Chatbot = { init, initFull, destroy };
export default Chatbot;
