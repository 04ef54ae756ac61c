import type { CliIO } from './io.js';
import { redactWire } from './redact-wire.js';
import { teeFetch, type CapturedResponse } from './tee-fetch.js';
import { UsageError } from './uploads.js';

/** Headers a recording must not keep: `fetch` already removed the encoding and framing they describe. */
const FRAMING = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

/**
 * The prediction's response as it passes: printed for `--raw`, kept for `record`; secrets redacted either way. An
 * event stream is printed line by line as it comes (a secret is redacted per `data:` line, and a chunk can end
 * inside one); any other answer (a JSON prediction, an error body) is held until it is whole, then redacted as one.
 */
export class WireCapture {
  private response: CapturedResponse | undefined;
  private readonly chunks: Uint8Array[] = [];
  private pending = '';
  private readonly decoder = new TextDecoder();
  private finished = false;
  /** Whether the response is an event stream (printed line by line), set when it arrives. */
  private eventStream = false;

  constructor(
    private readonly options: { raw: boolean; out: string | undefined; apiKey: string | undefined },
    private readonly io: CliIO,
  ) {}

  /** The `fetch` to give the prediction, or `undefined` when nothing is captured. */
  fetch(): typeof fetch | undefined {
    if (!this.options.raw && !this.options.out) return undefined;
    return teeFetch(
      (response) => {
        this.response = response;
        const type = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
        this.eventStream = type.startsWith('text/event-stream');
      },
      (bytes) => {
        // Kept only where the whole body is needed: a recording, or an answer printed once it is whole.
        if (this.options.out || !this.eventStream) this.chunks.push(bytes);
        if (this.options.raw && this.eventStream) this.printLines(this.decoder.decode(bytes, { stream: true }));
      },
      this.io.fetch,
    );
  }

  /** Prints what is left for `--raw` and writes the recording; once. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const body = Buffer.concat(this.chunks).toString('utf8');
    if (this.options.raw) {
      const rest = this.eventStream ? this.pending + this.decoder.decode() : body;
      if (rest) this.io.stdout.write(redactWire(rest, this.options.apiKey));
    }
    if (!this.options.out || !this.response) return;
    const { status, statusText, headers } = this.response;
    const kept = headers.filter(([name]) => !FRAMING.has(name.toLowerCase()));
    const head = [`HTTP/1.1 ${status} ${statusText}`, ...kept.map(([name, value]) => `${name}: ${value}`)];
    const bytes = Buffer.concat([
      Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'),
      Buffer.from(redactWire(body, this.options.apiKey), 'utf8'),
    ]);
    try {
      await this.io.writeFile(this.options.out, bytes);
    } catch (error) {
      throw new UsageError(`cannot write ${this.options.out}: ${(error as { code?: string }).code ?? String(error)}`);
    }
    this.io.stderr.write(`flowise-kit: recorded HTTP ${status}, ${bytes.length} bytes, to ${this.options.out}\n`);
  }

  private printLines(text: string): void {
    const all = this.pending + text;
    const cut = all.lastIndexOf('\n') + 1;
    this.pending = all.slice(cut);
    if (cut > 0) this.io.stdout.write(redactWire(all.slice(0, cut), this.options.apiKey));
  }
}
