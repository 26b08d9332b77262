import type { FastifyInstance } from 'fastify';
import { scoped } from '../../../../platform/db/scope.ts';
import type { Deps } from '../../../../platform/deps.ts';
import { notFound } from '../../../../platform/errors.ts';
import { sendPage } from '../../../../platform/render/render.ts';
import { currentCitizen } from '../../../identity/citizen-session.ts';
import { receiptPayment } from '../../../payment/web/receipt-payment.ts';
import { isReferenceShaped } from '../../../submissions/reference-number.ts';
import { findSubmissionByReference } from '../../../submissions/repo.ts';
import { decryptStatusCode } from '../../../submissions/status-code.ts';
import { findPublishedDefinition } from '../../assistants-store/repo.ts';
import { type FeeResult, localize } from '../../engine/index.ts';
import { contentLanguage, openOffering } from '../open-application.ts';
import { mayViewReceipt } from '../receipt-access.ts';
import { ReceiptPage } from '../views/receipt-page.tsx';

type Params = { tenant: string; assistant: string; reference: string };

const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });

/** The receipt, only for the session that submitted (others get 404). */
export function registerReceiptRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Params }>('/:tenant/antrag/:assistant/eingang/:reference', async (request, reply) => {
    const { tenant } = await openOffering(deps, request, request.params.tenant, request.params.assistant);
    const reference = request.params.reference;
    if (!isReferenceShaped(reference) || !mayViewReceipt(await request.existingSession(), reference)) throw notFound();
    const submission = await findSubmissionByReference(deps.database.db, tenant.id, reference);
    if (!submission || submission.assistant_id !== request.params.assistant) throw notFound();
    const def = await findPublishedDefinition(deps.database, submission.assistant_id, submission.assistant_version);
    if (!def) throw notFound();
    const lang = contentLanguage(request, def);
    const fees = (typeof submission.fees === 'string' ? JSON.parse(submission.fees) : submission.fees) as FeeResult;
    const owner = await scoped(deps.database.db, tenant.id)
      .selectFrom('submissions')
      .select(['status_code', 'citizen_account_id'])
      .where('id', '=', submission.id)
      .executeTakeFirstOrThrow();
    const statusCode = owner.status_code ? decryptStatusCode(deps.cipher, owner.status_code, submission.id) : undefined;
    const citizen = await currentCitizen(request);
    const ownApplication = !!citizen && citizen.accountId === owner.citizen_account_id;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <ReceiptPage
        ctx={request.pageContext()}
        branding={request.branding!}
        lang={lang}
        assistantTitle={localize(def.title, lang)}
        reference={submission.reference}
        submittedAt={`${dateTime.format(submission.submitted_at)} Uhr`}
        fees={fees}
        payment={await receiptPayment(deps, request, tenant, submission)}
        statusCode={statusCode}
        statusUrl={`/${tenant.slug}/status`}
        accountUrl={ownApplication ? `/konto/antraege/${encodeURIComponent(submission.reference)}` : undefined}
      />,
    );
  });
}
