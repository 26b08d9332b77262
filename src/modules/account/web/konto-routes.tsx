import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { grantDraft } from '../../forms/drafts/draft-access.ts';
import { stepUrl } from '../../forms/web/urls.ts';
import { listEvents } from '../../submissions/lifecycle/transition.ts';
import { deleteAccountDraft, findAccountDraft, listAccountDrafts } from '../applications/drafts.ts';
import { findAccountApplication, listAccountApplications } from '../applications/repo.ts';
import { countUnread, messagesOfSubmission } from '../mailbox/repo.ts';
import { citizenOrLogin, pageBasics, withTitles } from './page-support.ts';
import { at } from './texts.ts';
import { ApplicationPage, ApplicationsPage } from './views/application-pages.tsx';
import { DeleteDraftPage, OverviewPage } from './views/overview-page.tsx';

const LATEST = 5;

/** `/konto` (overview), drafts (resume, delete), `/konto/antraege` and one application's page. */
export function registerKontoRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: { geloescht?: string } }>('/konto', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, '/konto');
    if (!citizen) return reply;
    const basics = await pageBasics(request);
    const lang = basics.ctx.lang;
    const [drafts, applications, unread] = await Promise.all([
      listAccountDrafts(deps, citizen.accountId),
      listAccountApplications(deps, citizen.accountId, LATEST + 1),
      countUnread(deps, citizen.accountId),
    ]);
    return sendPage(
      reply,
      <OverviewPage
        {...basics}
        csrf={await request.csrfToken()}
        drafts={await withTitles(deps, drafts, lang)}
        latest={await withTitles(deps, applications.slice(0, LATEST), lang)}
        hasMore={applications.length > LATEST}
        unread={unread}
        notice={request.query.geloescht === '1' ? at(lang, 'deleted') : undefined}
      />,
    );
  });

  app.post<{ Params: { id: string } }>('/konto/entwuerfe/:id/fortsetzen', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply);
    if (!citizen) return reply;
    const draft = await findAccountDraft(deps, citizen.accountId, request.params.id);
    if (!draft) throw notFound();
    grantDraft(await request.session(), draft.id);
    return reply.redirect(stepUrl(draft.tenantSlug, draft.assistantId, draft.id, draft.currentStep), 303);
  });

  app.get<{ Params: { id: string } }>('/konto/entwuerfe/:id/loeschen', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply);
    if (!citizen) return reply;
    const draft = await findAccountDraft(deps, citizen.accountId, request.params.id);
    if (!draft) throw notFound();
    const basics = await pageBasics(request);
    const [item] = await withTitles(deps, [draft], basics.ctx.lang);
    return sendPage(reply, <DeleteDraftPage {...basics} csrf={await request.csrfToken()} draft={item!} />);
  });

  app.post<{ Params: { id: string } }>('/konto/entwuerfe/:id/loeschen', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply);
    if (!citizen) return reply;
    const draft = await findAccountDraft(deps, citizen.accountId, request.params.id);
    if (!draft || !(await deleteAccountDraft(deps, citizen.accountId, draft))) throw notFound();
    return reply.redirect('/konto?geloescht=1', 303);
  });

  app.get('/konto/antraege', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, '/konto/antraege');
    if (!citizen) return reply;
    const basics = await pageBasics(request);
    const items = await listAccountApplications(deps, citizen.accountId);
    return sendPage(reply, <ApplicationsPage {...basics} items={await withTitles(deps, items, basics.ctx.lang)} />);
  });

  app.get<{ Params: { reference: string } }>('/konto/antraege/:reference', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, request.url);
    if (!citizen) return reply;
    const application = await findAccountApplication(deps, citizen.accountId, request.params.reference);
    if (!application) throw notFound();
    const basics = await pageBasics(request);
    const [item] = await withTitles(deps, [application], basics.ctx.lang);
    const [events, messages] = await Promise.all([
      listEvents(deps, application.tenantId, application.id),
      messagesOfSubmission(deps, application.tenantId, application.id),
    ]);
    return sendPage(
      reply,
      <ApplicationPage
        {...basics}
        item={item!}
        timeline={events.map((e) => ({ id: e.id, to: e.to, at: e.at, note: e.note }))}
        messages={messages}
      />,
    );
  });
}
