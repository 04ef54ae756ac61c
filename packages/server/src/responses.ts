/** A JSON error in Flowise's own shape (`{ message }`), which the kit's client reads. */
export function errorResponse(status: number, message: string, headers?: HeadersInit): Response {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: { ...headersObject(headers), 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

function headersObject(headers: HeadersInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}
