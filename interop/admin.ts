/**
 * Flowise's REST API as an admin uses it: register, log in (session cookies), create chatflows and API keys.
 * Admin calls carry `x-request-from: internal`, as Flowise's own UI does.
 */
export class FlowiseAdmin {
  private cookies = new Map<string, string>();
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        'x-request-from': 'internal',
        Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Registers the first (owner) account and logs in. */
  async signUp(email = 'interop@flowise-kit.test', password = 'Interop-Test-1!'): Promise<void> {
    await this.call('POST', '/account/register', { user: { name: 'Interop', email, credential: password } });
    await this.call('POST', '/auth/login', { email, password });
  }

  /** A node's full definition (inputs, outputs, category …), from Flowise's component registry. */
  node(name: string): Promise<Record<string, unknown>> {
    return this.call('GET', `/nodes/${name}`);
  }

  async createFlow(
    name: string,
    type: 'CHATFLOW' | 'AGENTFLOW',
    flow: { nodes: unknown[]; edges: unknown[] },
  ): Promise<string> {
    const created = await this.call<{ id: string }>('POST', '/chatflows', {
      name,
      type,
      flowData: JSON.stringify(flow),
      deployed: false,
    });
    return created.id;
  }

  /** Logs in as the account `signUp` registered (another process, e.g. a test reading back what the kit saved). */
  async login(email = 'interop@flowise-kit.test', password = 'Interop-Test-1!'): Promise<void> {
    await this.call('POST', '/auth/login', { email, password });
  }

  /** A GET on Flowise's admin API, e.g. `/leads/:chatflowId` or `/feedback/:chatflowId`. */
  get<T>(path: string): Promise<T> {
    return this.call('GET', path);
  }

  /** Saves a chatflow's chatbot config as the "Share chatbot" screen does (a JSON string on the chatflow). */
  async setChatbotConfig(chatflowId: string, config: Record<string, unknown>): Promise<void> {
    await this.call('PUT', `/chatflows/${chatflowId}`, { chatbotConfig: JSON.stringify(config) });
  }

  /** Changes a chatflow's fields as the editor saves them (e.g. `speechToText`, `textToSpeech`, `isPublic`). */
  async updateFlow(chatflowId: string, fields: Record<string, unknown>): Promise<void> {
    await this.call('PUT', `/chatflows/${chatflowId}`, fields);
  }

  /** Saves a credential (`credentialName` as Flowise's credential list names it, e.g. `openAIApi`); returns its id. */
  async createCredential(name: string, credentialName: string, data: Record<string, string>): Promise<string> {
    const created = await this.call<{ id: string }>('POST', '/credentials', {
      name,
      credentialName,
      plainDataObj: data,
    });
    return created.id;
  }

  /** Creates a workspace API key named `keyName` (no chatflow assigned); returns the key. */
  async createApiKey(keyName: string): Promise<string> {
    const keys = await this.call<{ keyName: string; apiKey: string }[]>('POST', '/apikey', {
      keyName,
      permissions: ['chatflows:view'],
    });
    return keys.find((k) => k.keyName === keyName)!.apiKey;
  }

  /** Creates an API key and protects the chatflow with it; returns the key. */
  async protect(chatflowId: string): Promise<string> {
    const keys = await this.call<{ id: string; keyName: string; apiKey: string }[]>('POST', '/apikey', {
      keyName: 'interop',
      permissions: ['chatflows:view'],
    });
    const key = keys.find((k) => k.keyName === 'interop')!;
    await this.call('PUT', `/chatflows/${chatflowId}`, { apikeyid: key.id });
    return key.apiKey;
  }
}
