import type { ChatErrorKind } from '@flowise-kit/core';

/**
 * The exit code of every outcome, so a script can branch on it: 0 for an answer, 2 for a wrong command line, one code
 * per error kind, 130 when stopped with Ctrl-C (the shell's convention for SIGINT).
 */
export const EXIT_CODES = {
  /** The answer came. */
  ok: 0,
  /** The command line is wrong (an unknown option, no chatflow, a file that cannot be read or written). */
  usage: 2,
  /** Flowise could not be reached. */
  network: 3,
  /** No answer within the first-byte wait, or silence within the idle wait. */
  timeout: 4,
  /** The API key is missing or wrong. */
  auth: 5,
  /** This origin may not use the chatflow. */
  forbidden: 6,
  /** The chatflow does not exist. */
  'not-found': 7,
  /** The question or its uploads are too large. */
  'payload-too-large': 8,
  /** Flowise's rate limit was reached. */
  'rate-limited': 9,
  /** Flowise failed (HTTP 5xx). */
  server: 10,
  /** Another HTTP error. */
  http: 11,
  /** The answer was not a Flowise prediction (a login page, a proxy). */
  'bad-response': 12,
  /** The stream was cut short. */
  incomplete: 13,
  /** The flow failed while running (its `error` event). */
  flow: 14,
  /** The conversation is still answering an earlier question (a proxy's 409). */
  busy: 15,
  /** A file was refused (type, size, count). */
  'upload-refused': 16,
  /** The microphone or recorder is unavailable (not reachable from the command line; listed for completeness). */
  recorder: 17,
  /** Stopped: Ctrl-C or SIGTERM, or the answer was stopped on the server. */
  stopped: 130,
} as const satisfies Record<ChatErrorKind | 'ok' | 'usage' | 'stopped', number>;
