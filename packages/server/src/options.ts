/** What the app's own check says about a request: who it is for. */
export interface Authorization {
  /**
   * Every chatId of this user starts with it (e.g. `user-42:`): a chatId from the browser without it is prefixed, so
   * one user can never continue, stop or rate another's conversation.
   */
  chatIdPrefix?: string;
}

/** Options of {@link createFlowiseHandler}. */
export interface FlowiseHandlerOptions {
  /** Flowise's address, e.g. `https://flowise.internal:3000`. Never sent to the browser, not even in an error. */
  apiHost: string;
  /** Flowise's API key. It stays on the server: the browser's request carries none. */
  apiKey?: string;
  /**
   * The chatflows the browser may reach: their ids, or a map from the names the browser uses to the ids. Anything else
   * is a 404 that names nothing.
   */
  chatflows: readonly string[] | Readonly<Record<string, string>>;
  /** Where the handler is mounted, e.g. `/api/flowise` (the kit's `apiHost` on the page). Default `""`. */
  basePath?: string;
  /**
   * The `overrideConfig` keys a browser may set (default none). A request with any other key is refused with a 400
   * that names the key: stripping it silently would hide a mistake in the page, and the page must not steer a flow.
   */
  overrideConfigKeys?: readonly string[];
  /**
   * Forward RAG uploads (`POST vector/upsert/:id`: files into the chatflow's vector store) with the key; the page then
   * sets `ragUploads: true`. Default false: it writes into the store, so an app opens it on purpose. Only the files and
   * the chatId are forwarded (Flowise would take any other field as an override of the flow).
   */
  upserts?: boolean;
  /** The largest request body, in bytes (default 10 MB: a few images as data URLs). Larger is a 413. */
  maxBodyBytes?: number;
  /** How long a request body may take to arrive (default 30 s; a slow-loris body is a 408). */
  bodyTimeoutMs?: number;
  /** How long Flowise may take to start answering (default 15 s, as the kit's own wait; then a 504). */
  firstByteTimeoutMs?: number;
  /**
   * The app's own check, e.g. its session: `false` is a 401. It may return who the request is for, to keep users'
   * conversations apart.
   */
  authorize?: (request: Request) => boolean | Authorization | Promise<boolean | Authorization>;
  /** The `fetch` that reaches Flowise (default the global one). */
  fetch?: typeof fetch;
}
