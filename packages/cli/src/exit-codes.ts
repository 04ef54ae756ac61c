import type { ChatErrorKind } from '@flowise-kit/core';

/**
 * The exit code of every outcome, so a script can branch on it: 0 for an answer, 2 for a wrong command line, one code
 * per error kind, 130 when stopped with Ctrl-C (the shell's convention for SIGINT).
 */
export const EXIT_CODES = {
  ok: 0,
  usage: 2,
  network: 3,
  timeout: 4,
  auth: 5,
  forbidden: 6,
  'not-found': 7,
  'payload-too-large': 8,
  'rate-limited': 9,
  server: 10,
  http: 11,
  'bad-response': 12,
  incomplete: 13,
  flow: 14,
  stopped: 130,
} as const satisfies Record<ChatErrorKind | 'ok' | 'usage' | 'stopped', number>;
