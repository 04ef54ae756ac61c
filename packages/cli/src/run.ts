import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import {
  createFlowiseClient,
  errorFromEvent,
  isFlowiseError,
  predict,
  redactSecrets,
  redactText,
  type ChatError,
} from '@flowise-kit/core';
import { USAGE, parseCommand, type Command } from './args.js';
import { EXIT_CODES } from './exit-codes.js';
import type { CliIO } from './io.js';
import { AnswerSummary } from './summary.js';
import { terminalSafe } from './terminal.js';
import { toUploads, UsageError } from './uploads.js';
import { WireCapture } from './wire-capture.js';

/**
 * Runs the command line `argv` (without `node` and the script) and resolves its exit code; never throws for a
 * failure of Flowise or of the command line (it says what went wrong on stderr).
 *
 * @example
 * const code = await run(['predict', '--host', 'http://127.0.0.1:3000', '--chatflow', 'plain', 'Hi']);
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, io.env);
  } catch (error) {
    io.stderr.write(`flowise-kit: ${(error as Error).message}\nflowise-kit --help for the options\n`);
    return EXIT_CODES.usage;
  }
  if (command.name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_CODES.ok;
  }
  return answer(command, io);
}

async function answer(command: Command, io: CliIO): Promise<number> {
  const connection = { apiHost: command.host, ...(command.apiKey ? { apiKey: command.apiKey } : {}) };
  const chatId = command.chatId ?? randomUUID();
  const wire = new WireCapture(
    { raw: command.output === 'raw', out: command.name === 'record' ? command.out : undefined, apiKey: command.apiKey },
    io,
  );
  const summary = new AnswerSummary(Date.now());
  try {
    const uploads = await toUploads(command.uploads, io.readFile, {
      client: createFlowiseClient({ ...connection, ...(io.fetch ? { fetch: io.fetch } : {}) }),
      chatflowId: command.chatflow,
      chatId,
    });
    if (io.signal?.aborted) return stopped(io, false);
    const prediction = predict({
      ...connection,
      chatflowId: command.chatflow,
      question: command.question,
      chatId,
      streaming: command.streaming,
      ...(uploads.length ? { uploads } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...fetchOption(wire.fetch() ?? io.fetch),
    });
    for await (const event of prediction) {
      summary.add(event, Date.now());
      if (command.output === 'json')
        io.stdout.write(`${redactText(JSON.stringify(redactSecrets(event)), command.apiKey)}\n`);
      else if (command.output === 'text' && event.type === 'token') io.stdout.write(terminalSafe(event.data));
    }
    if (command.output === 'text') io.stdout.write('\n');
    await wire.finish();
    if (prediction.status === 'stopped') return stopped(io, true);
    if (summary.abortedByServer) {
      io.stderr.write('flowise-kit: the answer was stopped on the server (another client or an admin stopped it)\n');
      return EXIT_CODES.stopped;
    }
    if (summary.flowError !== undefined) return fail(io, errorFromEvent(summary.flowError), command.apiKey);
    if (command.output === 'text') io.stderr.write(`${summary.lines().map(terminalSafe).join('\n')}\n`);
    return EXIT_CODES.ok;
  } catch (error) {
    await wire.finish();
    if (isFlowiseError(error)) return fail(io, error.toChatError(), command.apiKey);
    if (error instanceof UsageError) {
      io.stderr.write(`flowise-kit: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    throw error;
  }
}

function fail(io: CliIO, error: ChatError, apiKey: string | undefined): number {
  io.stderr.write(`flowise-kit: ${error.kind}: ${terminalSafe(redactText(error.message, apiKey))}\n`);
  return EXIT_CODES[error.kind];
}

function stopped(io: CliIO, sent: boolean): number {
  io.stderr.write(sent ? 'flowise-kit: stopped; Flowise was asked to stop generating\n' : 'flowise-kit: stopped\n');
  return EXIT_CODES.stopped;
}

function fetchOption(fetch: typeof globalThis.fetch | undefined): { fetch?: typeof globalThis.fetch } {
  return fetch ? { fetch } : {};
}

/** The process's own streams, environment and files. */
export function processIO(signal?: AbortSignal): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    ...(signal ? { signal } : {}),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
  };
}
