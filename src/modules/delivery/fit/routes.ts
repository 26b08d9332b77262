import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { DatabaseRateLimitStore, RateLimiter, type RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { checkOutboundUrl } from '../../../platform/net/check-outbound-url.ts';
import { DestinationKeyError } from '../crypto/destination-key-check.ts';
import type { OutboundPolicy } from '../webhook/webhook-connector.ts';
import { acknowledgeSubmission } from './acknowledge.ts';
import { fitIssuer, requireClient } from './auth.ts';
import { announceNewSubmissions } from './callback.ts';
import {
  type AuthenticatedClient,
  authenticateClient,
  type FitScope,
  fitScopes,
  issueAccessToken,
} from './credentials.ts';
import { type Destination, findDestination, registerDestinationKeys, setDestinationCallback } from './destinations.ts';
import { appendEvent, eventLog, signServiceEvents } from './events.ts';
import { assertEncryptedPart, InvalidPartError, MAX_PART_CHARS } from './parts.ts';
import { contentDeleted } from './retention.ts';
import { serviceKey } from './service-key.ts';
import {
  attachmentIds,
  completeSubmission,
  findAttachment,
  findSubmission,
  findSubmissionByCase,
  insertSubmission,
  listPending,
  putAttachment,
} from './store.ts';

export const FIT_API_PREFIX = '/api/v1/fit';

const tokenPerIp: RateLimitRule = { name: 'fit-token-ip', limit: 60, windowMs: 60_000 };
const tokenFailuresPerClient: RateLimitRule = { name: 'fit-token-client-failures', limit: 10, windowMs: 15 * 60_000 };

const uuid = z.uuid();
const tokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1).max(200),
  client_secret: z.string().min(1).max(500),
  scope: z.string().max(500).optional(),
});
const jwkSchema = z.looseObject({ kty: z.string(), kid: z.string().min(1).max(200) });
const keysRequest = z.object({ encryptionKey: jwkSchema, signingKey: jwkSchema });
const callbackRequest = z.object({ url: z.url().nullable(), secret: z.string().min(32).max(500).nullable() });
const listQuery = z.object({
  destinationId: uuid,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const publicServiceSchema = z.object({
  identifier: z.string().regex(/^urn:de:fim:leika:leistung:\d{14}$/),
  name: z.string().max(500).optional(),
});
const createRequest = z.object({
  destinationId: uuid,
  announcedAttachments: z.array(uuid).max(100).default([]),
  publicService: publicServiceSchema.optional(),
  /** FIT-Connect v1 name of `publicService`. */
  serviceType: publicServiceSchema.optional(),
});
const submitRequest = z.object({ encryptedMetadata: z.string(), encryptedData: z.string() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AppError('validation', `Ungültige Anfrage: ${issue.path.join('.') || 'Körper'} — ${issue.message}`);
}

const notFound = (what = 'Die Einreichung') =>
  new AppError('not_found', `${what} gibt es nicht (für diesen Zustellpunkt).`);

export interface FitRouteOptions {
  /** Where callbacks may go (SSRF policy); defaults to the operator's SAC_OUTBOUND_ALLOW_* settings. */
  outbound?: OutboundPolicy;
}

/** The FIT-Connect-compatible subset under `/api/v1/fit` (see docs/integration/fit-connect.md). */
export function registerFitRoutes(app: FastifyInstance, deps: Deps, options: FitRouteOptions = {}): void {
  const db = deps.database.db;
  const limiter = new RateLimiter(new DatabaseRateLimitStore(db), deps.clock, deps.config.secretKey);
  const outbound: OutboundPolicy = options.outbound ?? {
    allowHosts: deps.config.outboundAllowHosts,
    allowHttp: deps.config.outboundAllowHttp,
  };
  const issuer = fitIssuer(deps);
  const eventDeps = { keyDb: db, cipher: deps.cipher, issuer };

  const ownDestination = async (client: AuthenticatedClient, destinationId: string): Promise<Destination> => {
    if (destinationId !== client.destinationId) throw notFound('Den Zustellpunkt');
    const destination = await findDestination(db, deps.cipher, client.tenantId, destinationId);
    if (!destination) throw notFound('Den Zustellpunkt');
    return destination;
  };
  /** A submission of the client's destination that has been submitted (subscribers never see incomplete ones). */
  const pickup = async (client: AuthenticatedClient, submissionId: string) => {
    const row = uuid.safeParse(submissionId).success
      ? await findSubmission(db, client.tenantId, client.destinationId, submissionId)
      : undefined;
    if (!row || row.status === 'incomplete') throw notFound();
    return row;
  };
  /** A submission to fetch from: its content is deleted once accepted or rejected, or after the retention. */
  const withContent = async (client: AuthenticatedClient, submissionId: string) => {
    const row = await pickup(client, submissionId);
    if (row.content_deleted_at || row.status !== 'submitted') throw contentDeleted(row);
    return row;
  };
  /** A submission the sending client created itself. */
  const ownSent = async (client: AuthenticatedClient, submissionId: string) => {
    const row = uuid.safeParse(submissionId).success
      ? await findSubmission(db, client.tenantId, client.destinationId, submissionId)
      : undefined;
    if (!row || row.sender_client_id !== client.clientId) throw notFound();
    return row;
  };

  app.register(
    async (api) => {
      api.addContentTypeParser(
        ['application/jose', 'application/jwt'],
        { parseAs: 'string', bodyLimit: MAX_PART_CHARS + 1024 },
        (_request, body, done) => done(null, body),
      );

      api.post('/token', async (request, reply) => {
        await limiter.consume(tokenPerIp, request.ip);
        const body = parse(tokenRequest, request.body);
        await limiter.assertAllowed(tokenFailuresPerClient, body.client_id);
        const client = await authenticateClient(db, body.client_id, body.client_secret);
        if (!client) {
          await limiter.hit(tokenFailuresPerClient, body.client_id);
          throw new AppError('unauthorized', 'Client-ID oder Client-Secret ist falsch (invalid_client).');
        }
        const requested = body.scope ? body.scope.split(' ').filter(Boolean) : client.scopes;
        const unknown = requested.filter(
          (s) => !(fitScopes as readonly string[]).includes(s) || !client.scopes.includes(s as FitScope),
        );
        if (unknown.length)
          throw new AppError('bad_request', `Scope nicht erlaubt (invalid_scope): ${unknown.join(' ')}`);
        const { token, expiresIn } = await issueAccessToken(client, requested as FitScope[], {
          secretKey: deps.config.secretKey,
          issuer,
          now: deps.clock.now(),
        });
        reply.header('cache-control', 'no-store');
        return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: requested.join(' ') };
      });

      api.get('/.well-known/jwks.json', async () => {
        const key = await serviceKey(db, deps.cipher, deps.clock.now());
        return { keys: [key.publicJwk] };
      });

      api.get<{ Params: { destinationId: string } }>('/destinations/:destinationId', async (request) => {
        const client = await requireClient(deps, request, ['subscribe', 'send', 'feedback']);
        const d = await ownDestination(client, request.params.destinationId);
        return {
          destinationId: d.id,
          name: d.name,
          status: d.status,
          encryptionKid: d.encryptionKey?.kid ?? null,
          signingKid: d.signingKey?.kid ?? null,
          metadataVersions: ['1.0.0'],
          callback: d.callbackUrl ? { url: d.callbackUrl } : null,
        };
      });

      api.get<{ Params: { destinationId: string; kid: string } }>(
        '/destinations/:destinationId/keys/:kid',
        async (request) => {
          const client = await requireClient(deps, request, ['subscribe', 'send', 'feedback']);
          const d = await ownDestination(client, request.params.destinationId);
          const key = [d.encryptionKey, d.signingKey].find((k) => k?.kid === request.params.kid);
          if (!key) throw notFound('Den Schlüssel');
          return key;
        },
      );

      api.put<{ Params: { destinationId: string } }>('/destinations/:destinationId/keys', async (request, reply) => {
        const client = await requireClient(deps, request, ['subscribe']);
        await ownDestination(client, request.params.destinationId);
        const body = parse(keysRequest, request.body);
        try {
          await registerDestinationKeys(db, {
            tenantId: client.tenantId,
            destinationId: client.destinationId,
            encryptionKey: body.encryptionKey,
            signingKey: body.signingKey,
            now: deps.clock.now(),
          });
        } catch (error) {
          if (error instanceof DestinationKeyError)
            throw new AppError('validation', `Schlüssel abgelehnt: ${error.message}`);
          throw error;
        }
        return reply.status(204).send();
      });

      api.put<{ Params: { destinationId: string } }>(
        '/destinations/:destinationId/callback',
        async (request, reply) => {
          const client = await requireClient(deps, request, ['subscribe']);
          await ownDestination(client, request.params.destinationId);
          const body = parse(callbackRequest, request.body);
          if (body.url) {
            if (!body.secret)
              throw new AppError('validation', 'Ein Callback braucht ein Secret (mindestens 32 Zeichen).');
            const check = await checkOutboundUrl(body.url, outbound);
            if (!check.ok) throw new AppError('validation', `Die Callback-URL ist nicht erlaubt: ${check.reason}.`);
          }
          await setDestinationCallback(db, deps.cipher, {
            tenantId: client.tenantId,
            destinationId: client.destinationId,
            url: body.url,
            secret: body.secret,
            now: deps.clock.now(),
          });
          return reply.status(204).send();
        },
      );

      api.get('/submissions', async (request) => {
        const client = await requireClient(deps, request, ['subscribe']);
        const query = parse(listQuery, request.query);
        await ownDestination(client, query.destinationId);
        const { total, rows } = await listPending(db, client.tenantId, client.destinationId, query);
        return {
          offset: query.offset,
          count: rows.length,
          totalCount: total,
          submissions: rows.map((r) => ({ destinationId: r.destination_id, submissionId: r.id, caseId: r.case_id })),
        };
      });

      api.get<{ Params: { submissionId: string } }>('/submissions/:submissionId', async (request) => {
        const client = await requireClient(deps, request, ['subscribe']);
        const row = await withContent(client, request.params.submissionId);
        return {
          destinationId: row.destination_id,
          submissionId: row.id,
          caseId: row.case_id,
          status: row.status,
          publicService: JSON.parse(row.public_service),
          attachments: await attachmentIds(db, client.tenantId, row.id),
          encryptedMetadata: row.encrypted_metadata,
          encryptedData: row.encrypted_data,
        };
      });

      api.get<{ Params: { submissionId: string; attachmentId: string } }>(
        '/submissions/:submissionId/attachments/:attachmentId',
        async (request, reply) => {
          const client = await requireClient(deps, request, ['subscribe']);
          const row = await withContent(client, request.params.submissionId);
          const content = uuid.safeParse(request.params.attachmentId).success
            ? await findAttachment(db, client.tenantId, row.id, request.params.attachmentId)
            : undefined;
          if (!content) throw notFound('Die Anlage');
          return reply.type('application/jose').send(content);
        },
      );

      const events = async (row: { id: string; tenant_id: string }) => ({
        eventLog: await eventLog(db, row.tenant_id, row.id),
      });
      const byCase = async (client: AuthenticatedClient, caseId: string) => {
        const row = uuid.safeParse(caseId).success
          ? await findSubmissionByCase(db, client.tenantId, client.destinationId, caseId)
          : undefined;
        if (!row) throw notFound('Den Vorgang');
        return row;
      };
      const readable = async (client: AuthenticatedClient, submissionId: string) =>
        client.scopes.includes('subscribe') ? pickup(client, submissionId) : ownSent(client, submissionId);

      api.get<{ Params: { submissionId: string } }>('/submissions/:submissionId/events', async (request) => {
        const client = await requireClient(deps, request, ['subscribe', 'send']);
        return events(await readable(client, request.params.submissionId));
      });
      api.get<{ Params: { caseId: string } }>('/cases/:caseId/events', async (request) => {
        const client = await requireClient(deps, request, ['subscribe', 'send']);
        const row = await byCase(client, request.params.caseId);
        return events(await readable(client, row.id));
      });

      const acknowledge = async (request: FastifyRequest, submissionId: string) => {
        const client = await requireClient(deps, request, ['subscribe']);
        const row = await pickup(client, submissionId);
        if (typeof request.body !== 'string' || !request.body.trim()) {
          throw new AppError('bad_request', 'Erwartet wird ein Security Event Token (Content-Type: application/jose).');
        }
        const { event } = await acknowledgeSubmission(deps, client, row, request.body.trim(), issuer);
        return { submissionId: row.id, caseId: row.case_id, event };
      };
      api.post<{ Params: { submissionId: string } }>('/submissions/:submissionId/events', (request) =>
        acknowledge(request, request.params.submissionId),
      );
      api.post<{ Params: { caseId: string } }>('/cases/:caseId/events', async (request) => {
        const client = await requireClient(deps, request, ['subscribe']);
        const row = await byCase(client, request.params.caseId);
        return acknowledge(request, row.id);
      });

      // Sender role: an Onlinedienst submits to the destination (create, upload attachments, submit).
      api.post('/submissions', async (request, reply) => {
        const client = await requireClient(deps, request, ['send']);
        const body = parse(createRequest, request.body);
        const destination = await ownDestination(client, body.destinationId);
        if (destination.status !== 'active') {
          throw new AppError('validation', 'Der Zustellpunkt ist nicht aktiv (destination-state-invalid).');
        }
        const publicService = body.publicService ?? body.serviceType;
        if (!publicService) throw new AppError('validation', 'publicService fehlt.');
        if (new Set(body.announcedAttachments).size !== body.announcedAttachments.length) {
          throw new AppError('validation', 'announcedAttachments enthält eine ID doppelt.');
        }
        const now = deps.clock.now();
        const ref = { tenantId: client.tenantId, submissionId: randomUUID(), caseId: randomUUID() };
        const [created] = await signServiceEvents(eventDeps, ref, ['create-submission'], now);
        await db.transaction().execute(async (trx) => {
          await insertSubmission(trx, {
            tenantId: client.tenantId,
            destinationId: destination.id,
            submissionId: ref.submissionId,
            caseId: ref.caseId,
            publicService,
            announcedAttachments: body.announcedAttachments,
            now,
            senderClientId: client.clientId,
          });
          await appendEvent(trx, ref, created!);
        });
        return reply
          .status(201)
          .send({ destinationId: destination.id, submissionId: ref.submissionId, caseId: ref.caseId });
      });

      api.put<{ Params: { submissionId: string; attachmentId: string } }>(
        '/submissions/:submissionId/attachments/:attachmentId',
        { bodyLimit: MAX_PART_CHARS + 1024 },
        async (request, reply) => {
          const client = await requireClient(deps, request, ['send']);
          const row = await ownSent(client, request.params.submissionId);
          if (row.status === 'incomplete' && row.content_deleted_at) throw contentDeleted(row);
          if (row.status !== 'incomplete') throw new AppError('conflict', 'Die Einreichung ist bereits abgeschickt.');
          const announced = JSON.parse(row.announced_attachments) as string[];
          if (!announced.includes(request.params.attachmentId)) throw notFound('Die angekündigte Anlage');
          const destination = await ownDestination(client, row.destination_id);
          const content = checkedPart(request.body, destination, `attachment ${request.params.attachmentId}`);
          await putAttachment(db, client.tenantId, row.id, request.params.attachmentId, content);
          return reply.status(204).send();
        },
      );

      api.put<{ Params: { submissionId: string } }>(
        '/submissions/:submissionId',
        { bodyLimit: 2 * MAX_PART_CHARS + 4096 },
        async (request) => {
          const client = await requireClient(deps, request, ['send']);
          const row = await ownSent(client, request.params.submissionId);
          if (row.status === 'incomplete' && row.content_deleted_at) throw contentDeleted(row);
          if (row.status !== 'incomplete') throw new AppError('conflict', 'Die Einreichung ist bereits abgeschickt.');
          const body = parse(submitRequest, request.body);
          const destination = await ownDestination(client, row.destination_id);
          const encryptedMetadata = checkedPart(body.encryptedMetadata, destination, 'encryptedMetadata');
          const encryptedData = checkedPart(body.encryptedData, destination, 'encryptedData');
          const announced = JSON.parse(row.announced_attachments) as string[];
          const uploaded = await attachmentIds(db, client.tenantId, row.id);
          const missing = announced.filter((id) => !uploaded.includes(id));
          if (missing.length) throw new AppError('validation', `Angekündigte Anlagen fehlen: ${missing.join(', ')}.`);
          const now = deps.clock.now();
          const ref = { tenantId: client.tenantId, submissionId: row.id, caseId: row.case_id };
          const [submitted] = await signServiceEvents(eventDeps, ref, ['submit-submission'], now);
          await db.transaction().execute(async (trx) => {
            if (!(await completeSubmission(trx, client.tenantId, row.id, { encryptedMetadata, encryptedData, now }))) {
              throw new AppError('conflict', 'Die Einreichung ist bereits abgeschickt.');
            }
            await appendEvent(trx, ref, submitted!);
          });
          await announceNewSubmissions(destination, [row.id], { policy: outbound, now, log: deps.log });
          return { destinationId: row.destination_id, submissionId: row.id, caseId: row.case_id, status: 'submitted' };
        },
      );
    },
    { prefix: FIT_API_PREFIX },
  );
}

function checkedPart(value: unknown, destination: Destination, name: string): string {
  try {
    return assertEncryptedPart(value, destination.encryptionKey?.kid, name);
  } catch (error) {
    if (error instanceof InvalidPartError) throw new AppError('validation', error.message);
    throw error;
  }
}
