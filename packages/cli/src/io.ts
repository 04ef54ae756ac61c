/** Where the CLI reads and writes: the process's streams in the bin, buffers in tests. */
export interface CliIO {
  /** The answer, JSON lines or the wire bytes. */
  stdout: {
    /** Writes text or bytes. */
    write(chunk: string | Uint8Array): unknown;
  };
  /** Summaries, progress and errors. */
  stderr: {
    /** Writes text. */
    write(chunk: string): unknown;
  };
  /** `FLOWISE_API_HOST`, `FLOWISE_CHATFLOW_ID`, `FLOWISE_API_KEY`. */
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: the prediction stops and Flowise is asked to stop generating. */
  signal?: AbortSignal;
  /** Reads a file given to `--upload`. */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the file of `record --out`. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** The `fetch` to reach Flowise with (default: the global one). */
  fetch?: typeof fetch;
}
