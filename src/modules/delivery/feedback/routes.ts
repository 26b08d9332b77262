import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { postMessageToCitizen, postStatusChange } from '../../account/inbox-api.ts';
import { stateLabels } from '../../submissions/lifecycle/states.ts';
import { requireClient } from '../fit/auth.ts';
import { decodeAttachments, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachments.ts';
import { feedbackTarget } from './authorize.ts';
import { idempotencyKey, once, requestHash, type StoredResponse } from './idempotency.ts';

export const FEEDBACK_API_PREFIX = '/api/v1/feedback';

/** The states a Fachverfahren may report (the rest belong to SAC: payment, delivery, withdrawal). */
export const feedbackStatuses = ['received', 'in_progress', 'information_needed', 'completed', 'rejected'] as const;

const statusRequest = z.object({
  status: z.enum(feedbackStatuses),
  /** Shown to the citizen in the timeline. */
  text: z.string().trim().max(2000).optional(),
  eventId: z.string().optional(),
});
const messageRequest = z.object({
  subject: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(10_000),
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(200),
        mimeType: z.string().min(1).max(100),
        contentBase64: z.string(),
      }),
    )
    .max(MAX_ATTACHMENTS)
    .default([]),
  eventId: z.string().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AppError('validation', `Ungültige Anfrage: ${issue.path.join('.') || 'Körper'} — ${issue.message}`);
}

const send = (reply: FastifyReply, r: StoredResponse & { replayed: boolean }) =>
  reply.status(r.status).header('idempotent-replayed', String(r.replayed)).send(r.body);

/**
 * Feedback from the Fachverfahren (any route type): status changes and messages to the citizen, with the
 * OAuth2 client credentials of `/api/v1/fit/token` (scope `feedback` or `feedback:tenant`). Retries with the
 * same `Idempotency-Key` act once. An invalid transition is 409.
 */
export function registerFeedbackRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: { submissionId: string } }>(
    `${FEEDBACK_API_PREFIX}/submissions/:submissionId/status`,
    async (request, reply) => {
      const client = await requireClient(deps, request, ['feedback', 'feedback:tenant']);
      const body = parse(statusRequest, request.body);
      const submissionId = await feedbackTarget(deps, client, request.params.submissionId);
      const key = idempotencyKey(request.headers['idempotency-key'], body.eventId);
      const { eventId: _e, ...content } = body;
      const result = await once(
        deps,
        {
          tenantId: client.tenantId,
          clientId: client.clientId,
          submissionId,
          key,
          hash: requestHash('status', submissionId, content),
        },
        async (trx) => {
          const change = await postStatusChange(trx, deps, {
            tenantId: client.tenantId,
            submissionId,
            to: body.status,
            actor: `fachverfahren:${client.clientId}`,
            ...(body.text ? { note: body.text } : {}),
          });
          if (!change.ok) {
            const current = change.current ? `„${stateLabels[change.current].de}“` : 'unbekannt';
            throw new AppError(
              'conflict',
              `Der Status „${stateLabels[body.status].de}“ ist vom aktuellen Status ${current} aus nicht möglich.`,
            );
          }
          return { status: 200, body: { submissionId, status: body.status, eventId: change.event.id } };
        },
      );
      return send(reply, result);
    },
  );

  app.post<{ Params: { submissionId: string } }>(
    `${FEEDBACK_API_PREFIX}/submissions/:submissionId/messages`,
    { bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * MAX_ATTACHMENTS * 4) / 3) + 64 * 1024 },
    async (request, reply) => {
      const client = await requireClient(deps, request, ['feedback', 'feedback:tenant']);
      const body = parse(messageRequest, request.body);
      const submissionId = await feedbackTarget(deps, client, request.params.submissionId);
      const attachments = decodeAttachments(body.attachments);
      const key = idempotencyKey(request.headers['idempotency-key'], body.eventId);
      const { eventId: _e, ...content } = body;
      const result = await once(
        deps,
        {
          tenantId: client.tenantId,
          clientId: client.clientId,
          submissionId,
          key,
          hash: requestHash('message', submissionId, content),
        },
        async (trx) => {
          const { messageId } = await postMessageToCitizen(trx, deps, {
            tenantId: client.tenantId,
            submissionId,
            actor: `fachverfahren:${client.clientId}`,
            subject: body.subject,
            body: body.text,
            attachments,
          });
          return { status: 201, body: { submissionId, messageId } };
        },
      );
      return send(reply, result);
    },
  );
}
