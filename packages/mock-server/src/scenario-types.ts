/** One thing a scripted stream does. */
export type Step =
  /** Write one event (Flowise framing). */
  | {
      kind: 'event';
      /** Flowise's event name. */
      event: string;
      /** The payload, JSON-encoded in the envelope. */
      data: unknown;
      /** More envelope fields beside `event` and `data` (e.g. `thinking`'s `duration`). */
      extra?: Record<string, unknown>;
    }
  /** Write `token` events, paced by the rate. */
  | {
      kind: 'tokens';
      /** One `token` event each. */
      tokens: string[];
    }
  /** Write text as it is (malformed events, `id:`/`retry:` fields). */
  | {
      kind: 'raw';
      /** Written verbatim. */
      text: string;
    }
  /** Write these bytes as they are (invalid UTF-8). */
  | {
      kind: 'bytes';
      /** Byte values 0–255. */
      bytes: number[];
    }
  /** Write the text one byte per write, yielding between writes: thousands of 1-byte chunks. */
  | {
      kind: 'trickle';
      /** Written one UTF-8 byte at a time. */
      text: string;
    }
  /** Destroy the socket: the stream ends without `end`. */
  | { kind: 'drop' }
  /** Stop writing and keep the connection open, with no heartbeats. */
  | { kind: 'stall' }
  /** Write only `:heartbeat` comments for this long (the server retrying a failing model). */
  | {
      kind: 'heartbeats';
      /** How long, in milliseconds. */
      ms: number;
    };

/** How the server answers a prediction. */
export type Reply =
  /** An event stream (`text/event-stream`, Flowise's headers). */
  | {
      kind: 'stream';
      /** What the stream does, in order. */
      steps: Step[];
    }
  /** A JSON answer (a non-streaming prediction or an HTTP error). */
  | {
      kind: 'json';
      /** The HTTP status. */
      status: number;
      /** Sent as JSON. */
      body: unknown;
      /** More response headers (e.g. `Retry-After`). */
      headers?: Record<string, string>;
    }
  /** Any other body (a proxy's HTML page, an empty body). */
  | {
      kind: 'raw';
      /** The HTTP status. */
      status: number;
      /** The `Content-Type`; none when absent. */
      contentType?: string;
      /** Written verbatim. */
      body: string;
      /** More response headers. */
      headers?: Record<string, string>;
    }
  /** Accept the connection and never write a byte (Flowise, for a streaming request to an unknown chatflow). */
  | { kind: 'hang' };

/** What a scenario knows about the request it answers. */
export interface ScenarioContext {
  /** The chatflow id of the request's path. */
  chatflowId: string;
  /** The request's `question`. */
  question: string;
  /** The request's `chatId`, or a new one: echoed in `metadata`. */
  chatId: string;
  /** A new id for this answer, as Flowise sends in `metadata`. */
  chatMessageId: string;
  /** Whether the request asked to stream. */
  streaming: boolean;
  /** How many tokens a generated answer has (options, or `overrideConfig.mock.tokens`). */
  tokens: number;
  /** The request's `uploads`, summarised: type, name, MIME type and size in bytes of their data. */
  uploads?: {
    /** `file`, `url`, `audio`, `file:full` ... */
    type: string;
    /** The upload's name. */
    name: string;
    /** Its MIME type. */
    mime: string;
    /** Bytes of a data URL's content, or characters of other data (a URL, extracted text). */
    size: number;
  }[];
  /** The request's `humanInput`: the answer to a human-in-the-loop action. */
  humanInput?: {
    /** `proceed` or `reject` (the `hitl` scenario checks for `reject`). */
    type?: string;
    /** The node that waits for the answer. */
    startNodeId?: string;
    /** The human's comment. */
    feedback?: string;
  };
  /** The request's `form`: an agentflow's start form (the `start-form` scenario answers from it). */
  form?: Record<string, unknown>;
}

/** A scripted behaviour, picked by chatflow id. */
export interface Scenario {
  /** What the scenario does, in one line (for listings such as the README's table). */
  description: string;
  /** What the streamable check answers (default true). */
  streamable?: boolean;
  /** How to answer one prediction request. */
  reply(context: ScenarioContext): Reply;
}
