import type { FastifyReply } from 'fastify';
import type { FileMeta } from '../engine/answers.ts';
import { attachmentDisposition } from './filename.ts';
import { SNIFFABLE_TYPES } from './sniff.ts';

/**
 * Sends an upload as a download, never inline: `Content-Disposition: attachment` with ASCII fallback and
 * RFC 5987 `filename*`, the type detected at upload (anything unexpected becomes octet-stream),
 * `X-Content-Type-Options: nosniff` and `Cache-Control: private, no-store`.
 */
export function sendDownload(
  reply: FastifyReply,
  meta: Pick<FileMeta, 'name' | 'mimeType'>,
  content: Buffer,
): FastifyReply {
  const type = (SNIFFABLE_TYPES as readonly string[]).includes(meta.mimeType)
    ? meta.mimeType
    : 'application/octet-stream';
  return reply
    .header('content-type', type)
    .header('content-length', String(content.length))
    .header('content-disposition', attachmentDisposition(meta.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(content);
}
