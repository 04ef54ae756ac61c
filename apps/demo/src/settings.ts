/** Where the demo sends its requests. Stored in this browser only (localStorage); the API key is never logged. */
export interface Connection {
  /** `""`: same origin, through the dev server's proxy. Otherwise a Flowise URL, called directly (CORS). */
  apiHost: string;
  chatflowId: string;
  apiKey: string;
}

const KEY = 'flowise-kit-demo:connection';

/** The connection: URL parameters win (`?apiHost=&chatflowId=`), then what was saved, then the defaults. */
export function loadConnection(): Connection {
  const defaults: Connection = { apiHost: '', chatflowId: __FLOWISE_CHATFLOW_ID__ || 'sources', apiKey: '' };
  let saved: Partial<Connection> = {};
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Connection>;
  } catch {
    // corrupt or unavailable storage: use the defaults
  }
  const params = new URLSearchParams(location.search);
  const fromUrl: Partial<Connection> = {};
  const host = params.get('apiHost');
  const flow = params.get('chatflowId');
  if (host !== null) fromUrl.apiHost = host;
  if (flow) fromUrl.chatflowId = flow;
  return { ...defaults, ...saved, ...fromUrl };
}

export function saveConnection(connection: Connection): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(connection));
  } catch {
    // storage disabled: the settings last for this page only
  }
}

/** Whether the demo is talking to the bundled mock server (which picks scenarios by chatflow id). */
export function isMock(connection: Connection): boolean {
  return connection.apiHost === ''
    ? !__FLOWISE_PROXY_TARGET__
    : /^https?:\/\/(127\.0\.0\.1|localhost):3000\/?$/.test(connection.apiHost);
}
