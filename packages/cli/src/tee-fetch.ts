/** What a prediction's HTTP response was: for `--raw` and `record`. */
export interface CapturedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
}

/**
 * A `fetch` that hands the bytes of the prediction's response (the POST to `/prediction/`) to `onBytes` as they pass,
 * and its status and headers to `onResponse`, while the kit's transport reads it as usual. Other calls pass through.
 */
export function teeFetch(
  onResponse: (response: CapturedResponse) => void,
  onBytes: (bytes: Uint8Array) => void,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method !== 'POST' || !url.includes('/api/v1/prediction/')) return response;
    onResponse({ status: response.status, statusText: response.statusText, headers: [...response.headers] });
    if (!response.body) return response;
    const copy = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes(chunk);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(copy, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
