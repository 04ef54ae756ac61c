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
import { workerTransport, type WorkerTransport } from '@flowise-kit/core/worker';
import { createRoot, type Root } from 'react-dom/client';
import type { Labels } from '@flowise-kit/react';
// The kit's stylesheets as text, injected into the shadow root (document styles do not reach it).
import kitStyles from '@flowise-kit/react/styles.css?inline';
import { ChatWidget, type ChatWidgetControls } from './ChatWidget.js';
import widgetStyles from './ChatWidget.css?inline';
import type { EmbedTheme } from './embed-theme.js';
import type { Observers } from './observers.js';

/** flowise-embed's init options, plus `apiKey`, `headers`, `ragUploads`, `labels` and `colorScheme`. */
export interface InitOptions {
  chatflowid: string;
  /** Default: this page's origin. */
  apiHost?: string;
  /** Sent as `overrideConfig` with every question. */
  chatflowConfig?: Record<string, unknown>;
  theme?: EmbedTheme;
  apiKey?: string;
  /** Extra headers on every request to Flowise (e.g. for an auth gateway in front of it). */
  headers?: Record<string, string>;
  /**
   * Called with each request's options before it is sent; change `headers` (a plain object) to add or replace
   * headers. The request waits for the returned promise.
   */
  onRequest?: (request: RequestInit) => Promise<void> | void;
  /** Told the typed text, the loading state and the messages as they change. */
  observersConfig?: Observers;
  /**
   * Offer RAG uploads without `apiKey`: `onRequest` or a proxy at `apiHost` adds the workspace key that
   * `vector/upsert` needs (with `apiKey` they are offered anyway, when the chatflow allows them).
   */
  ragUploads?: boolean;
  /** Replaces any of the widget's English strings. */
  labels?: Partial<Labels>;
  colorScheme?: 'light' | 'dark' | 'auto';
  /** Becomes the page's `document.title`. */
  pageTitle?: string;
  /**
   * Where the answer's stream is read. `'auto'` (default): in a Web Worker where the page allows one (a `blob:`
   * worker: a Content-Security-Policy needs `worker-src blob:`), else on the main thread. `'worker'`: the worker
   * or a typed error; `'main'`: always the main thread. `onRequest` needs the main thread (a function cannot cross
   * to a worker): with it, `'auto'` reads on the main thread.
   */
  transport?: 'auto' | 'worker' | 'main';
}

const mounted: {
  root: Root;
  host: HTMLElement;
  created: boolean;
  controls: { current: ChatWidgetControls | null };
  transport: WorkerTransport | undefined;
}[] = [];

/** `fetch` with the page's `onRequest` hook applied to every request's options first. */
function hookedFetch(onRequest: NonNullable<InitOptions['onRequest']>): typeof fetch {
  return async (input, init) => {
    const request: RequestInit = { ...init, headers: Object.fromEntries(new Headers(init?.headers).entries()) };
    await onRequest(request);
    return fetch(input, request);
  };
}

function mount(options: InitOptions, fullPage: boolean, target?: HTMLElement | null): void {
  if (options.pageTitle?.trim()) document.title = options.pageTitle.trim();
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
  const controls: { current: ChatWidgetControls | null } = { current: null };
  const transport =
    options.transport === 'main'
      ? undefined
      : workerTransport({ mode: options.transport === 'worker' ? 'worker' : 'auto' });
  root.render(
    <ChatWidget
      apiHost={options.apiHost ?? location.origin}
      chatflowId={options.chatflowid}
      {...(options.chatflowConfig ? { overrideConfig: options.chatflowConfig } : {})}
      {...(options.apiKey ? { apiKey: options.apiKey } : {})}
      {...(options.headers ? { headers: options.headers } : {})}
      {...(options.ragUploads ? { ragUploads: true } : {})}
      {...(options.onRequest ? { fetch: hookedFetch(options.onRequest) } : {})}
      {...(options.theme ? { theme: options.theme } : {})}
      {...(options.labels ? { labels: options.labels } : {})}
      {...(options.observersConfig ? { observers: options.observersConfig } : {})}
      {...(options.colorScheme ? { colorScheme: options.colorScheme } : {})}
      {...(transport ? { transport } : {})}
      controlRef={controls}
      fullPage={fullPage}
    />,
  );
  mounted.push({ root, host, created: !existing, controls, transport });
}

/** Adds the floating launcher and chat panel to the page. */
export function init(options: InitOptions): void {
  mount(options, false);
}

/**
 * Renders a full-page chat into `target`, the element with id `id`, or `<flowise-fullchatbot>` (created at the end of
 * the body if absent).
 */
export function initFull(options: InitOptions & { target?: HTMLElement; id?: string }): void {
  mount(options, true, options.target ?? (options.id ? document.getElementById(options.id) : null));
}

/** Removes every widget this script added. */
export function destroy(): void {
  for (const { root, host, created, transport } of mounted.splice(0)) {
    root.unmount();
    transport?.dispose();
    if (created) host.remove();
  }
}

/** Empties the conversation of every widget this script added (and what is saved of it). */
export function clearChat(): void {
  for (const { controls } of mounted) controls.current?.clearChat();
}

const Chatbot = { init, initFull, destroy, clearChat };
// flowise-embed puts itself on `window.Chatbot`; pages that call it from other scripts keep working.
if (typeof window !== 'undefined') (window as { Chatbot?: typeof Chatbot }).Chatbot ??= Chatbot;
export default Chatbot;
