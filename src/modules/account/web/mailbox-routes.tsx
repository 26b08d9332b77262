import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES } from '../../forms/engine/fields/file.ts';
import {
  DEFAULT_MAX_FILES,
  deleteUploadsOfDraft,
  loadUpload,
  readMultipartForm,
  sendDownload,
} from '../../forms/uploads/index.ts';
import type { Citizen } from '../../identity/citizen-session.ts';
import { listAccountApplications } from '../applications/repo.ts';
import { findAccountMessage, listAccountMessages, loadAccountAttachment, markRead } from '../mailbox/repo.ts';
import { insertMessage } from '../mailbox/store-message.ts';
import { assistantTitle, citizenOrLogin, pageBasics } from './page-support.ts';
import { at } from './texts.ts';
import {
  type MailboxGroup,
  MailboxPage,
  MessagePage,
  REPLY_MAX_LENGTH,
  type ReplyForm,
} from './views/mailbox-pages.tsx';

const FILE_FIELD = 'anhaenge';
/** Replies take files under the upload rules of the form assistants (type by content, size, count). */
const replyFiles = { id: FILE_FIELD, maxBytes: DEFAULT_MAX_BYTES, accept: DEFAULT_ACCEPT, maxFiles: DEFAULT_MAX_FILES };

/** `/konto/postfach`, one message (opening marks it read), the reply with files, attachment downloads. */
export function registerMailboxRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/konto/postfach', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, '/konto/postfach');
    if (!citizen) return reply;
    const basics = await pageBasics(request);
    const lang = basics.ctx.lang;
    const [messages, applications] = await Promise.all([
      listAccountMessages(deps, citizen.accountId),
      listAccountApplications(deps, citizen.accountId),
    ]);
    const byReference = new Map(applications.map((a) => [a.reference, a]));
    const groups = new Map<string, MailboxGroup>();
    for (const m of messages) {
      let group = groups.get(m.reference);
      const application = byReference.get(m.reference);
      if (!group && application) {
        group = {
          reference: m.reference,
          title: await assistantTitle(deps, application.assistantId, application.assistantVersion, lang),
          tenantName: application.tenantName,
          messages: [],
        };
        groups.set(m.reference, group);
      }
      group?.messages.push(m);
    }
    return sendPage(reply, <MailboxPage {...basics} groups={[...groups.values()]} />);
  });

  async function showMessage(
    request: FastifyRequest,
    reply: FastifyReply,
    citizen: Citizen,
    messageId: string,
    options: { form: ReplyForm; sent: boolean; status?: number },
  ) {
    const found = await findAccountMessage(deps, citizen.accountId, messageId);
    if (!found) throw notFound();
    if (found.message.direction === 'office' && !found.message.readAt)
      await markRead(deps, found.message.tenantId, found.message.id);
    return sendPage(
      reply,
      <MessagePage
        {...(await pageBasics(request))}
        message={found.message}
        reference={found.reference}
        csrf={await request.csrfToken()}
        form={options.form}
        sent={options.sent}
        maxBytes={replyFiles.maxBytes}
      />,
      options.status,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { gesendet?: string } }>(
    '/konto/postfach/:id',
    async (request, reply) => {
      const citizen = await citizenOrLogin(request, reply, '/konto/postfach');
      if (!citizen) return reply;
      return showMessage(request, reply, citizen, request.params.id, {
        form: { text: '', errors: {} },
        sent: request.query.gesendet === '1',
      });
    },
  );

  app.post<{ Params: { id: string } }>('/konto/postfach/:id/antworten', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, '/konto/postfach');
    if (!citizen) return reply;
    const found = await findAccountMessage(deps, citizen.accountId, request.params.id);
    if (found?.message.direction !== 'office') throw notFound();
    const { tenantId, submissionId } = found.message;
    const lang = request.pageContext().lang;
    const replyId = randomUUID();
    // The checked files land in the upload store tied to the reply's id, then move into the message.
    const form = await readMultipartForm(request, deps, { tenantId, draftId: replyId, fileFields: [replyFiles] });
    try {
      const raw = form.body.text;
      const text = (Array.isArray(raw) ? raw.join('\n') : (raw ?? '')).replace(/\r\n/g, '\n').trim();
      const errors: ReplyForm['errors'] = {};
      if (text === '') errors.text = at(lang, 'replyMissing');
      else if (text.length > REPLY_MAX_LENGTH) errors.text = at(lang, 'replyTooLong', { max: REPLY_MAX_LENGTH });
      if (form.fileErrors[FILE_FIELD]) errors.files = form.fileErrors[FILE_FIELD];
      if (errors.text || errors.files)
        return await showMessage(request, reply, citizen, found.message.id, {
          form: { text, errors },
          sent: false,
          status: 422,
        });
      const files = await Promise.all(
        (form.files[FILE_FIELD] ?? []).map((meta) => loadUpload(deps, tenantId, meta.id)),
      );
      await deps.database.db.transaction().execute((trx) =>
        insertMessage(trx, deps, {
          id: replyId,
          tenantId,
          submissionId,
          direction: 'citizen',
          actor: 'citizen',
          subject: replySubject(found.message.subject),
          body: text,
          inReplyTo: found.message.id,
          attachments: files.map((f) => ({ filename: f.meta.name, mimeType: f.meta.mimeType, content: f.content })),
        }),
      );
      return reply.redirect(`/konto/postfach/${found.message.id}?gesendet=1`, 303);
    } finally {
      await deleteUploadsOfDraft(deps, tenantId, replyId);
    }
  });

  app.get<{ Params: { id: string } }>('/konto/postfach/anhang/:id', async (request, reply) => {
    const citizen = await citizenOrLogin(request, reply, '/konto/postfach');
    if (!citizen) return reply;
    const file = await loadAccountAttachment(deps, citizen.accountId, request.params.id);
    if (!file) throw notFound();
    return sendDownload(reply, { name: file.name, mimeType: file.mimeType }, file.content);
  });
}

function replySubject(subject: string): string {
  const base = subject.replace(/^(AW|Re):\s*/i, '');
  return `AW: ${base}`.slice(0, 200);
}
