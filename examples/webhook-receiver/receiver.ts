/**
 * A minimal receiver for SAC webhooks — copy it into your Fachverfahren integration.
 * Plain Node (>= 20), no dependencies. Run: SAC_WEBHOOK_SECRET=… PORT=8080 node --import tsx receiver.ts
 *
 * It does the three things every receiver must do:
 *  1. verify X-SAC-Signature over the *raw* request body (HMAC-SHA256 over "t.body", constant-time),
 *  2. refuse timestamps older than 5 minutes (replays),
 *  3. de-duplicate on X-SAC-Delivery-Id: SAC delivers at least once, so the same delivery can arrive twice.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';

const TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface ReceiverOptions {
  secret: string;
  /** Called once per delivery id with the parsed envelope. Throw to answer 500 (SAC retries). */
  onDelivery?: (envelope: unknown, deliveryId: string) => void | Promise<void>;
  /** Replaceable clock for tests. */
  now?: () => number;
}

/** Checks the `X-SAC-Signature: t=<unix>,v1=<hex>` header. Returns an error text, or null when valid. */
export function checkSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secret: string,
  nowMs: number,
): string | null {
  if (!signatureHeader) return 'missing signature';
  const fields = signatureHeader.split(',').map((part) => part.trim().split('='));
  const t = fields.find(([key]) => key === 't')?.[1] ?? '';
  const signatures = fields.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (!/^\d+$/.test(t) || signatures.length === 0) return 'malformed signature';
  if (Math.abs(nowMs / 1000 - Number(t)) > TOLERANCE_SECONDS) return 'timestamp too old or in the future';
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  const matches = signatures.some((hex) => {
    const given = Buffer.from(hex, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? null : 'signature does not match';
}

async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Creates the receiver. In production, keep the seen delivery ids in your database (unique constraint). */
export function createWebhookReceiver(options: ReceiverOptions): Server {
  const seenDeliveryIds = new Set<string>();
  const now = options.now ?? Date.now;
  return createServer(async (request, response) => {
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'POST') return answer(405, { error: 'method not allowed' });
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(request);
    } catch {
      return answer(413, { error: 'body too large' });
    }
    const problem = checkSignature(
      rawBody,
      request.headers['x-sac-signature'] as string | undefined,
      options.secret,
      now(),
    );
    if (problem) return answer(401, { error: problem });
    const deliveryId = request.headers['x-sac-delivery-id'];
    if (typeof deliveryId !== 'string' || deliveryId === '') return answer(400, { error: 'missing X-SAC-Delivery-Id' });
    if (seenDeliveryIds.has(deliveryId)) return answer(200, { received: true, duplicate: true });
    let envelope: unknown;
    try {
      envelope = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return answer(400, { error: 'body is not JSON' });
    }
    seenDeliveryIds.add(deliveryId); // before awaiting, so a concurrent duplicate is caught too
    try {
      await options.onDelivery?.(envelope, deliveryId);
    } catch {
      seenDeliveryIds.delete(deliveryId);
      return answer(500, { error: 'could not store the delivery' });
    }
    return answer(200, { received: true });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.SAC_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set SAC_WEBHOOK_SECRET');
  const port = Number(process.env.PORT ?? 8080);
  const server = createWebhookReceiver({
    secret,
    onDelivery: (envelope, id) => console.log(`delivery ${id}:`, JSON.stringify(envelope).slice(0, 200)),
  });
  server.listen(port, () => {
    const address = server.address();
    console.log(`SAC webhook receiver listening on :${typeof address === 'object' && address ? address.port : port}`);
  });
}
