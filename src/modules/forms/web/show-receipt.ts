import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { referenceOfDraft } from '../../submissions/repo.ts';
import type { OpenDraft } from './open-application.ts';
import { grantReceipt } from './receipt-access.ts';
import { receiptUrl } from './urls.ts';

/** A submitted draft's pages all lead to its receipt (second tab, back button, double click). */
export async function redirectToReceipt(deps: Deps, request: FastifyRequest, reply: FastifyReply, open: OpenDraft) {
  const reference = await referenceOfDraft(deps.database.db, open.tenant.id, open.draft.id);
  if (!reference) throw notFound();
  grantReceipt(await request.session(), reference);
  return reply.redirect(receiptUrl(open.tenant.slug, open.definition.id, reference), 303);
}
