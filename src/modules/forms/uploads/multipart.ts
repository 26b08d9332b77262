import type { IncomingMessage } from 'node:http';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scoped } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { FileMeta } from '../engine/answers.ts';
import { sanitizeFilename } from './filename.ts';
import { uploadMessages } from './messages.ts';
import { storeUpload } from './repository.ts';
import { pdfHasActiveContent, SNIFF_BYTES, sniffType } from './sniff.ts';
import { removeStoredFile } from './storage.ts';

/** Limits of one file field, usually from the definition's `FileField` (see `fileFieldLimits`). */
export interface UploadFieldLimits {
  id: string;
  maxBytes: number;
  /** Detected MIME types allowed; only PDF, JPEG and PNG can ever be detected. */
  accept: string[];
  maxFiles: number;
}

export interface MultipartFormOptions {
  tenantId: string;
  /** The draft the files belong to; pass it whenever it is known so the cleanup job can tie them to it. */
  draftId: string | null;
  fileFields: UploadFieldLimits[];
  /** Cap for one text value in bytes. Default 100 000. */
  maxTextBytes?: number;
  /** Cap for the whole request body in bytes. Default 25 MB. */
  maxRequestBytes?: number;
}

export interface MultipartForm {
  /** Text parts; a name sent more than once becomes an array. */
  body: Record<string, string | string[]>;
  /** Stored files per file field (new upload id, sanitised name, size, detected type). */
  files: Record<string, FileMeta[]>;
  /** One German message per file field whose file was rejected (too large, wrong type, empty, too many). */
  fileErrors: Record<string, string>;
}

export const DEFAULT_MAX_REQUEST_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_TEXT_BYTES = 100_000;
export const MAX_TEXT_PARTS = 1000;

/** Registers `@fastify/multipart` with conservative defaults; `readMultipartForm` sets per-request limits. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fieldNameSize: 200,
      fieldSize: DEFAULT_MAX_TEXT_BYTES,
      fields: MAX_TEXT_PARTS,
      files: 20,
      fileSize: 10 * 1024 * 1024,
      headerPairs: 50,
      parts: 1100,
    },
  });
}

/**
 * Streams a `multipart/form-data` request: text parts into `body`, file parts of known file fields are
 * size-capped while streaming, sniffed by content, encrypted and stored. A file over its field's limit is
 * cut there (at most `maxBytes` are held) and the rest discarded; a body over `maxRequestBytes` (declared
 * or counted) stops reading and throws AppError `payload_too_large`, as does an over-long text value. On
 * any thrown error the files stored by this call are removed again.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  deps: Deps,
  options: MultipartFormOptions,
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new AppError('bad_request');
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxRequestBytes) throw requestTooLarge(maxRequestBytes);

  const fields = new Map(options.fileFields.map((field) => [field.id, field]));
  const form: MultipartForm = { body: {}, files: {}, fileErrors: {} };
  const stored: string[] = [];
  const meter = new ByteMeter(request.raw, maxRequestBytes);
  const fileParts = options.fileFields.reduce((sum, field) => sum + field.maxFiles + 1, 0) + 5;
  try {
    // Oversized files are detected here, not thrown by the plugin (registerUploads sets throwFileSizeLimit: false).
    const parts = request.parts({
      limits: {
        fieldSize: maxTextBytes + 1,
        fields: MAX_TEXT_PARTS,
        files: fileParts,
        fileSize: Math.max(0, ...options.fileFields.map((field) => field.maxBytes)) + 1,
        parts: MAX_TEXT_PARTS + fileParts,
      },
    });
    const iterator = parts[Symbol.asyncIterator]();
    for (;;) {
      // Racing the meter: once the body passes the cap, reading stops and a pending next() never settles.
      const next = await Promise.race([iterator.next(), meter.tripped]);
      if (next.done) break;
      const part = next.value;
      if (part.type === 'field') {
        if (part.valueTruncated || Buffer.byteLength(String(part.value)) > maxTextBytes)
          throw new AppError('payload_too_large', uploadMessages.textTooLong, { headers: { connection: 'close' } });
        addText(form.body, part.fieldname, String(part.value));
        continue;
      }
      const field = fields.get(part.fieldname);
      if (!field) {
        await drain(part, meter);
        continue;
      }
      const meta = await readFilePart(part, field, meter, form);
      if (!meta) continue;
      const file = await storeUpload(deps, {
        tenantId: options.tenantId,
        draftId: options.draftId,
        fieldId: field.id,
        ...meta,
      });
      stored.push(file.id);
      form.files[field.id] = [...(form.files[field.id] ?? []), file];
    }
    meter.check();
    return form;
  } catch (error) {
    request.raw.unpipe();
    await removeStored(deps, options.tenantId, stored);
    throw toUploadError(error, maxRequestBytes);
  } finally {
    meter.stop();
  }
}

/** Reads one file part up to its field's limit and checks it; returns the content or records an error. */
async function readFilePart(
  part: MultipartFile,
  field: UploadFieldLimits,
  meter: ByteMeter,
  form: MultipartForm,
): Promise<{ name: string; mimeType: NonNullable<ReturnType<typeof sniffType>>; content: Buffer } | undefined> {
  const name = sanitizeFilename(part.filename ?? '');
  const chunks: Buffer[] = [];
  let size = 0;
  meter.reading(part.file);
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    meter.check();
    size += chunk.length;
    if (size <= field.maxBytes) chunks.push(chunk);
    else chunks.length = 0; // over the limit: keep reading to reach the next part, hold nothing
  }
  meter.reading(undefined);
  const reject = (message: string) => {
    form.fileErrors[field.id] ??= message;
    return undefined;
  };
  if (size === 0) return part.filename ? reject(uploadMessages.empty(name)) : undefined; // no file chosen
  if (size > field.maxBytes || part.file.truncated) return reject(uploadMessages.tooLarge(name, field.maxBytes));
  if ((form.files[field.id]?.length ?? 0) >= field.maxFiles) return reject(uploadMessages.tooMany(field.maxFiles));
  const content = Buffer.concat(chunks, size);
  const mimeType = sniffType(content.subarray(0, SNIFF_BYTES));
  if (!mimeType || !field.accept.includes(mimeType)) return reject(uploadMessages.wrongType(name, field.accept));
  if (mimeType === 'application/pdf' && pdfHasActiveContent(content)) return reject(uploadMessages.activeContent(name));
  return { name, mimeType, content };
}

async function drain(part: MultipartFile, meter: ByteMeter): Promise<void> {
  meter.reading(part.file);
  for await (const _chunk of part.file) meter.check();
  meter.reading(undefined);
}

function addText(body: Record<string, string | string[]>, name: string, value: string): void {
  const existing = body[name];
  if (existing === undefined) body[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else body[name] = [existing, value];
}

/**
 * Counts the raw bytes of the request body as they arrive. Past the cap it stops reading (unpipes and
 * pauses the request), fails the file stream being read and rejects `tripped`.
 */
class ByteMeter {
  private bytes = 0;
  private current: MultipartFile['file'] | undefined;
  private fail: (error: AppError) => void = () => {};
  readonly tripped: Promise<never>;
  private readonly onData = (chunk: Buffer) => {
    this.bytes += chunk.length;
    if (this.bytes <= this.limit) return;
    this.stream.off('data', this.onData);
    this.stream.unpipe();
    this.stream.pause();
    const error = requestTooLarge(this.limit);
    this.current?.destroy(error);
    this.fail(error);
  };
  constructor(
    private readonly stream: IncomingMessage,
    private readonly limit: number,
  ) {
    this.tripped = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    this.tripped.catch(() => {}); // observed through race/check; never an unhandled rejection
    stream.on('data', this.onData);
  }
  /** The file stream now being read, so that passing the cap ends it with the error. */
  reading(file: MultipartFile['file'] | undefined): void {
    this.current = file;
  }
  check(): void {
    if (this.bytes > this.limit) throw requestTooLarge(this.limit);
  }
  stop(): void {
    this.stream.off('data', this.onData);
  }
}

function requestTooLarge(limit: number): AppError {
  // Close the connection: the rest of the body is not read.
  return new AppError('payload_too_large', uploadMessages.requestTooLarge(limit), { headers: { connection: 'close' } });
}

function toUploadError(error: unknown, maxRequestBytes: number): unknown {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number };
  if (e?.code === 'FST_FIELDS_LIMIT' || e?.code === 'FST_PARTS_LIMIT' || e?.code === 'FST_FILES_LIMIT')
    return new AppError('payload_too_large', uploadMessages.tooManyFields, {
      headers: { connection: 'close' },
      cause: error,
    });
  if (e?.statusCode === 413) return requestTooLarge(maxRequestBytes);
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return new AppError('bad_request', uploadMessages.malformed, { cause: error });
  if (error instanceof Error && /multipart|boundary|terminated early/i.test(error.message))
    return new AppError('bad_request', uploadMessages.malformed, { cause: error });
  return error;
}

async function removeStored(deps: Deps, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await scoped(deps.database.db, tenantId)
    .deleteFrom('uploads')
    .where('id', 'in', ids)
    .returning('storage_key')
    .execute();
  await Promise.all(rows.map((row) => removeStoredFile(deps.config.dataDir, row.storage_key)));
}
