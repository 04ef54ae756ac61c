/**
 * The store's prediction in flight: the request, the queue its events wait in until the next commit, and the
 * promise `send()` returns. At most one exists per store; when it ends it hands the store back.
 */
import { Batcher } from './batching.js';
import type { EventOf, FlowiseEvent } from './events.js';
import { PACING } from './pacing.js';
import type { PredictionBody } from './prediction-body.js';
import { reduceAll } from './reducer.js';
import type { Session } from './session.js';
import { defined } from './defined.js';
import { asChatError } from './streamable.js';
import type { ChatState } from './state.js';
import { streamPrediction } from './transport.js';
import { failTurn, markQueued } from './turn.js';

/** What an active request needs from its store. */
export interface RequestHost {
  readonly session: Session;
  getState(): ChatState;
  /** Commits a state (ignored once the store is disposed). */
  setState(state: ChatState): void;
  /** Whether this request is still the store's own: a stopped or replaced one must not touch the state. */
  owns(request: ActiveRequest): boolean;
  /** The request is over: the store may start another. */
  release(request: ActiveRequest): void;
}

export class ActiveRequest {
  readonly controller = new AbortController();
  private readonly batcher: Batcher<FlowiseEvent>;
  /** Resolves when the turn has ended (done, failed or stopped); never rejects. */
  done: Promise<void> = Promise.resolve();
  /** The prediction went out (false while it waits for `acquire`): only then may a Stop ask Flowise to abort. */
  sent = false;
  /** An event that closes the answer was received. */
  private closed = false;
  /** The token event the queue joined adjacent tokens into. */
  private joined: EventOf<'token'> | undefined;

  constructor(
    private readonly host: RequestHost,
    /** The conversation this request belongs to (the abort call needs it). */
    readonly chatId: string,
  ) {
    const { config } = host.session;
    this.batcher = new Batcher<FlowiseEvent>(
      config.batch ?? PACING.batchMs,
      (events) => host.setState(reduceAll(host.getState(), events, host.session.now())),
      (event) => event.type === 'token',
      (last, event) => this.joinTokens(last, event),
    );
  }

  /** Sends the prediction; the store makes this request its own first. */
  start(body: PredictionBody): Promise<void> {
    this.done = this.run(body);
    return this.done;
  }

  /** Commits what is queued and closes the queue; the store ends the turn next. */
  close(): void {
    this.batcher.flush();
    this.batcher.dispose();
  }

  private async run(body: PredictionBody): Promise<void> {
    const { host } = this;
    const { session } = host;
    const { config } = session;
    let release: (() => void) | undefined;
    try {
      if (config.acquire) release = await this.wait(config.acquire);
      this.sent = true;
      const outcome = await (config.transport ?? streamPrediction)({
        ...session.connection(),
        chatflowId: config.chatflowId,
        body,
        signal: this.controller.signal,
        ...defined({
          firstByteTimeoutMs: config.firstByteTimeoutMs,
          idleTimeoutMs: config.idleTimeoutMs,
          streamable: session.checkStreamable(),
        }),
        onEvent: (event) => this.onEvent(event),
      });
      if (!host.owns(this) || outcome === 'aborted') return;
      this.batcher.flush();
      const last = host.getState().messages.at(-1);
      if (last?.role !== 'assistant') return;
      if (last.status === 'done') session.call('onEnd', last);
      else if (last.status === 'error' && last.error) session.call('onError', last.error);
    } catch (cause) {
      if (!host.owns(this)) return;
      this.batcher.flush();
      const error = asChatError(cause);
      host.setState(failTurn(host.getState(), error, session.now()));
      session.call('onError', error);
    } finally {
      // After the final state was committed (and saved): a tab queued behind this answer sees all of it.
      release?.();
      if (host.owns(this)) {
        this.batcher.dispose();
        host.release(this);
      }
    }
  }

  /** Waits for the store's `acquire`; the answer shows as queued while it waits. */
  private async wait(acquire: NonNullable<Session['config']['acquire']>): Promise<() => void> {
    const { host } = this;
    const queue = (queued: boolean) => {
      if (host.owns(this)) host.setState(markQueued(host.getState(), queued));
    };
    const release = await acquire(this.chatId, this.controller.signal, () => queue(true));
    queue(false);
    return release;
  }

  /**
   * Two adjacent tokens as one, as reduceAll joins them at the commit (a burst then queues one event, not one per
   * token). Not once the answer was closed: each late token is a diagnostic of its own.
   */
  private joinTokens(last: FlowiseEvent, event: FlowiseEvent): FlowiseEvent | undefined {
    if (this.closed || last.type !== 'token' || event.type !== 'token') return undefined;
    // The joined event is ours (no callback has seen it): grown in place, not copied per token.
    if (last === this.joined) {
      last.data += event.data;
      return last;
    }
    this.joined = { type: 'token', data: last.data + event.data };
    return this.joined;
  }

  private onEvent(event: FlowiseEvent): void {
    if (!this.host.owns(this)) return;
    if (event.type === 'error' || event.type === 'abort' || event.type === 'end') this.closed = true;
    this.host.session.call('onEvent', event);
    if (event.type === 'token') this.host.session.call('onToken', event.data);
    this.batcher.push(event);
  }
}
