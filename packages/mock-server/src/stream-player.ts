import type { ServerResponse } from 'node:http';
import type { Step } from './scenario-types.js';
import { HEARTBEAT, encodeEvent } from './wire.js';

/** Pacing and timing of a played stream. */
export interface PlayOptions {
  /** Tokens per second; 0 = as fast as possible. */
  rate: number;
  heartbeatMs: number;
  stallMs: number;
  /** Resolves when the server is asked to abort this chat (the abort endpoint). */
  aborted: () => boolean;
}

const BATCH = 64;
const ABORTED_ERROR = 'Error: predictionsServices.buildChatflow - Error in LLM node: This operation was aborted';

/**
 * Plays scripted steps onto an open event stream. Heartbeats go out every `heartbeatMs` as Flowise's do, and an
 * abort call makes the stream end the way an agentflow's does (an `error` event, then `end`).
 */
export async function playSteps(res: ServerResponse, steps: Step[], options: PlayOptions): Promise<void> {
  // A heartbeat only goes out between events: `trickle` holds it while an event is half written.
  const pacing = { midEvent: false };
  const heartbeat = setInterval(() => {
    if (!pacing.midEvent) writeSafe(res, HEARTBEAT);
  }, options.heartbeatMs);
  const closed = () => res.destroyed || res.writableEnded;
  try {
    for (const step of steps) {
      if (closed()) return;
      if (options.aborted()) return endAborted(res);
      switch (step.kind) {
        case 'event':
          writeSafe(res, encodeEvent(step.event, step.data, step.extra));
          break;
        case 'raw':
          writeSafe(res, step.text);
          break;
        case 'bytes':
          if (!res.destroyed && !res.writableEnded) res.write(Buffer.from(step.bytes));
          break;
        case 'trickle':
          if (!(await trickle(res, step.text, pacing))) return;
          break;
        case 'tokens':
          if (!(await playTokens(res, step.tokens, options))) return;
          break;
        case 'heartbeats':
          await heartbeatsOnly(res, step.ms < 0 ? options.stallMs : step.ms, options.heartbeatMs);
          break;
        case 'drop':
          // A moment after the last write, close the connection (a FIN, not a reset): the body ends without its last
          // chunk. Browsers error the body stream at once, and an errored stream drops chunks the page has not read
          // yet, so a drop in the same instant as the last bytes could lose them before any client sees them.
          await new Promise((resolve) => setTimeout(resolve, 100));
          await new Promise<void>((resolve) => res.socket?.end(resolve) ?? resolve());
          res.socket?.destroy();
          return;
        case 'stall':
          clearInterval(heartbeat);
          await new Promise<void>((resolve) => res.once('close', resolve));
          return;
      }
    }
    res.end();
  } finally {
    clearInterval(heartbeat);
  }
}

/** Writes token events at the rate; false when the stream ended early (closed or aborted). */
async function playTokens(res: ServerResponse, tokens: string[], options: PlayOptions): Promise<boolean> {
  const interval = options.rate > 0 ? 1000 / options.rate : 0;
  const started = Date.now();
  for (let i = 0; i < tokens.length;) {
    if (res.destroyed || res.writableEnded) return false;
    if (options.aborted()) {
      endAborted(res);
      return false;
    }
    if (interval === 0) {
      // As fast as possible, but in batches so one big answer does not block the event loop.
      let chunk = '';
      const stop = Math.min(tokens.length, i + BATCH);
      for (; i < stop; i++) chunk += encodeEvent('token', tokens[i]);
      writeSafe(res, chunk);
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      writeSafe(res, encodeEvent('token', tokens[i]));
      i++;
      // Schedule against the start time so timer drift does not slow the rate down.
      const wait = started + i * interval - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else if (i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return true;
}

/**
 * Writes one byte at a time, waits for each write to be flushed, then yields to the event loop, so a client in the
 * same process reads each byte as a chunk of its own instead of a burst of them. Without the yield,
 * the writes complete without the loop turning and the client reads the whole text in two or three chunks.
 */
async function trickle(res: ServerResponse, text: string, pacing: { midEvent: boolean }): Promise<boolean> {
  const bytes = Buffer.from(text);
  try {
    for (let i = 0; i < bytes.length; i++) {
      if (res.destroyed || res.writableEnded) return false;
      await new Promise<void>((resolve) => res.write(bytes.subarray(i, i + 1), () => resolve()));
      // Between events (after a blank line) a heartbeat may go out; inside one it would corrupt the event.
      pacing.midEvent = !(bytes[i] === 0x0a && bytes[i - 1] === 0x0a);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  } finally {
    pacing.midEvent = false;
  }
}

async function heartbeatsOnly(res: ServerResponse, ms: number, every: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !res.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(every, until - Date.now())));
    if (Date.now() < until) writeSafe(res, HEARTBEAT);
  }
}

function endAborted(res: ServerResponse): void {
  writeSafe(res, encodeEvent('error', ABORTED_ERROR) + encodeEvent('end', '[DONE]'));
  res.end();
}

function writeSafe(res: ServerResponse, text: string): void {
  if (!res.destroyed && !res.writableEnded) res.write(text);
}
