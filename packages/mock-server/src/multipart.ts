/** One file of a multipart/form-data body. */
export interface UploadedFile {
  field: string;
  name: string;
  mimeType: string;
  content: Buffer;
}

/** Parses the file parts of a multipart/form-data body (enough for the attachments endpoint; no streaming). */
export function parseMultipart(body: Buffer, contentType: string): UploadedFile[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return [];
  const delimiter = Buffer.from(`--${marker}`);
  const files: UploadedFile[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (filename !== undefined) {
        files.push({
          field: /name="([^"]*)"/i.exec(headers)?.[1] ?? '',
          name: filename,
          mimeType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream',
          content: part.subarray(headerEnd + 4),
        });
      }
    }
    start = next;
  }
  return files;
}
