/** Set by vite.config.ts from FLOWISE_CHATFLOW_ID. */
declare const __FLOWISE_CHATFLOW_ID__: string;
/** Set by vite.config.ts: the Flowise the dev server proxies /api to, when not the mock. */
declare const __FLOWISE_PROXY_TARGET__: string;
