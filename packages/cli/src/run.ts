import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import {
  createFlowiseClient,
  errorFromEvent,
  isFlowiseError,
  predict,
  redactSecrets,
  type ChatError,
} from '@flowise-kit/core';
import { USAGE, parseCommand, type Command } from './args.js';
import { EXIT_CODES } from './exit-codes.js';
import type { CliIO } from './io.js';
import { redactWire } from './redact-wire.js';
import { AnswerSummary } from './summary.js';
import { teeFetch, type CapturedResponse } from './tee-fetch.js';
import { terminalSafe } from './terminal.js';
import { toUploads, UsageError } from './uploads.js';

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
  const wire = new WireCapture(command, io);
  const summary = new AnswerSummary(Date.now());
  try {
    const uploads = await toUploads(command.uploads, io.readFile, {
      client: createFlowiseClient(connection),
      chatflowId: command.chatflow,
      chatId,
    });
    const prediction = predict({
      ...connection,
      chatflowId: command.chatflow,
      question: command.question,
      chatId,
      streaming: command.streaming,
      ...(uploads.length ? { uploads } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      fetch: wire.fetch(),
    });
    for await (const event of prediction) {
      summary.add(event, Date.now());
      if (command.output === 'json') io.stdout.write(`${JSON.stringify(redactSecrets(event))}\n`);
      else if (command.output === 'text' && event.type === 'token') io.stdout.write(terminalSafe(event.data));
    }
    if (command.output === 'text') io.stdout.write('\n');
    await wire.finish();
    if (prediction.status === 'stopped') {
      io.stderr.write('flowise-kit: stopped; Flowise was asked to stop generating\n');
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
  const message = apiKey ? error.message.split(apiKey).join('[redacted]') : error.message;
  io.stderr.write(`flowise-kit: ${error.kind}: ${terminalSafe(message)}\n`);
  return EXIT_CODES[error.kind];
}

/** The prediction's response as it passes: printed for `--raw`, kept for `record`; secrets redacted either way. */
class WireCapture {
  private response: CapturedResponse | undefined;
  private readonly chunks: Uint8Array[] = [];
  private pending = '';
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly command: Command,
    private readonly io: CliIO,
  ) {}

  fetch(): typeof fetch | undefined {
    if (this.command.output !== 'raw' && this.command.name !== 'record') return undefined;
    return teeFetch(
      (response) => (this.response = response),
      (bytes) => {
        if (this.command.name === 'record') this.chunks.push(bytes);
        if (this.command.output === 'raw') this.printLines(this.decoder.decode(bytes, { stream: true }));
      },
    );
  }

  /** Prints what is left of `--raw` and writes the recording. */
  async finish(): Promise<void> {
    if (this.command.output === 'raw' && this.pending)
      this.io.stdout.write(redactWire(this.pending, this.command.apiKey));
    this.pending = '';
    if (this.command.name !== 'record' || !this.command.out || !this.response) return;
    const body = redactWire(Buffer.concat(this.chunks).toString('utf8'), this.command.apiKey);
    const { status, statusText, headers } = this.response;
    const head = [`HTTP/1.1 ${status} ${statusText}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
    const bytes = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(body, 'utf8')]);
    await this.io.writeFile(this.command.out, bytes);
    this.io.stderr.write(`flowise-kit: recorded HTTP ${status}, ${bytes.length} bytes, to ${this.command.out}\n`);
  }

  /** Complete lines only: a secret is redacted per `data:` line, and a chunk can end inside one. */
  private printLines(text: string): void {
    const all = this.pending + text;
    const cut = all.lastIndexOf('\n') + 1;
    this.pending = all.slice(cut);
    if (cut > 0) this.io.stdout.write(redactWire(all.slice(0, cut), this.command.apiKey));
  }
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
