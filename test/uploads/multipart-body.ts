import { Readable } from 'node:stream';

/** A text or file part of a hand-built multipart/form-data body. */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; content: Buffer; contentType?: string };

const BOUNDARY = '----sacTestBoundary7MA4YWxkTrZu0gW';
export const multipartContentType = `multipart/form-data; boundary=${BOUNDARY}`;

function partHead(part: Part): string {
  const disposition =
    'filename' in part
      ? `form-data; name="${part.name}"; filename="${part.filename.replace(/"/g, '%22')}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`
      : `form-data; name="${part.name}"`;
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`;
}

/** A complete body as one Buffer (inject sets Content-Length). */
export function multipartBody(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(partHead(part), 'utf8'));
    chunks.push('filename' in part ? part.content : Buffer.from(part.value, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/**
 * A body with one huge file field, produced lazily in 64 KB chunks; `pulled()` tells how many bytes the
 * server has read so far, so a test can prove the stream was cut early.
 */
export function streamingFileBody(options: { name: string; filename: string; head: Buffer; totalBytes: number }) {
  let pulled = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  async function* generate() {
    const start = Buffer.concat([
      Buffer.from(partHead({ name: options.name, filename: options.filename, content: Buffer.alloc(0) })),
      options.head,
    ]);
    pulled += start.length;
    yield start;
    for (let sent = options.head.length; sent < options.totalBytes; sent += chunk.length) {
      pulled += chunk.length;
      yield chunk;
    }
    const end = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    pulled += end.length;
    yield end;
  }
  return { stream: Readable.from(generate(), { objectMode: false }), pulled: () => pulled };
}
