import type { FastifyInstance, FastifyReply } from 'fastify';
import { allTenants } from '../../../platform/db/scope.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { attachmentDisposition } from '../../forms/uploads/index.ts';
import { mayViewReceipt } from '../../forms/web/receipt-access.ts';
import { currentCitizen } from '../../identity/citizen-session.ts';
import { resolveTenant } from '../../tenants/ops/resolve-tenant.ts';
import { isReferenceShaped } from '../reference-number.ts';
import { findSubmissionByReference } from '../repo.ts';
import type { ApplicationPdf } from './index.ts';
import { applicationPdfForDownload } from './record.ts';

type ReceiptParams = { tenant: string; assistant: string; reference: string };

/** The receipt's PDF link (same session that may view the receipt). */
export const receiptPdfUrl = (tenantSlug: string, assistantId: string, reference: string) =>
  `/${tenantSlug}/antrag/${assistantId}/eingang/${reference}/antrag.pdf`;

/** The PDF link in Mein Konto (the owning account only). */
export const accountPdfUrl = (reference: string) => `/konto/antraege/${reference}/antrag.pdf`;

/**
 * Downloads of the application PDF: from the receipt (the session that submitted) and from Mein Konto (the
 * account the submission belongs to). Anyone else, another tenant's reference or an unknown one: 404.
 */
export function registerDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: ReceiptParams }>(
    '/:tenant/antrag/:assistant/eingang/:reference/antrag.pdf',
    async (request, reply) => {
      const { reference, assistant } = request.params;
      const tenant = await resolveTenant(deps, request, request.params.tenant);
      if (!isReferenceShaped(reference) || !mayViewReceipt(await request.existingSession(), reference))
        throw notFound();
      const submission = await findSubmissionByReference(deps.database.db, tenant.id, reference);
      if (!submission || submission.assistant_id !== assistant) throw notFound();
      return sendPdf(reply, await applicationPdfForDownload(deps, tenant.id, submission.id));
    },
  );

  app.get<{ Params: { reference: string } }>('/konto/antraege/:reference/antrag.pdf', async (request, reply) => {
    const citizen = await currentCitizen(request);
    if (!citizen || !isReferenceShaped(request.params.reference)) throw notFound();
    const owned = await findOwnedSubmission(deps, citizen.accountId, request.params.reference);
    if (!owned) throw notFound();
    return sendPdf(reply, await applicationPdfForDownload(deps, owned.tenant_id, owned.id));
  });
}

/** The account's submission with that reference, in whichever municipality (bound to the account, not a tenant). */
function findOwnedSubmission(deps: Deps, accountId: string, reference: string) {
  return deps.database.db
    .selectFrom('submissions')
    .select(['id', 'tenant_id'])
    .where('citizen_account_id', '=', accountId)
    .where('reference', '=', reference)
    .modifyEnd(allTenants)
    .executeTakeFirst();
}

function sendPdf(reply: FastifyReply, pdf: ApplicationPdf) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentDisposition(pdf.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${pdf.sha256}"`)
    .send(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength));
}
