/** One thing a scripted stream does. */
export type Step =
  /** Write one event (Flowise framing). */
  | { kind: 'event'; event: string; data: unknown; extra?: Record<string, unknown> }
  /** Write `token` events, paced by the rate. */
  | { kind: 'tokens'; tokens: string[] }
  /** Write text as it is (malformed events, `id:`/`retry:` fields). */
  | { kind: 'raw'; text: string }
  /** Write these bytes as they are (invalid UTF-8). */
  | { kind: 'bytes'; bytes: number[] }
  /** Write the text one byte per write, yielding between writes: thousands of 1-byte chunks. */
  | { kind: 'trickle'; text: string }
  /** Destroy the socket: the stream ends without `end`. */
  | { kind: 'drop' }
  /** Stop writing and keep the connection open, with no heartbeats. */
  | { kind: 'stall' }
  /** Write only `:heartbeat` comments for this long (the server retrying a failing model). */
  | { kind: 'heartbeats'; ms: number };

/** How the server answers a prediction. */
export type Reply =
  | { kind: 'stream'; steps: Step[] }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; contentType?: string; body: string; headers?: Record<string, string> }
  /** Accept the connection and never write a byte (Flowise, for a streaming request to an unknown chatflow). */
  | { kind: 'hang' };

/** What a scenario knows about the request it answers. */
export interface ScenarioContext {
  chatflowId: string;
  question: string;
  chatId: string;
  chatMessageId: string;
  streaming: boolean;
  tokens: number;
  humanInput?: { type?: string; startNodeId?: string; feedback?: string };
}

/** A scripted behaviour, picked by chatflow id. */
export interface Scenario {
  description: string;
  /** What the streamable check answers (default true). */
  streamable?: boolean;
  reply(context: ScenarioContext): Reply;
}
