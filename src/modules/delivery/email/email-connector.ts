import { z } from 'zod';
import type { MailAttachment, Mailer } from '../../../platform/mail/mailer.ts';
import type { ConfigCheck } from '../../../platform/plugins/registry.ts';
import type { Connector, DeliveryPayload, DeliveryReceipt } from '../connector.ts';
import { DeliveryAttemptError } from '../outbox/delivery-error.ts';
import { ENVELOPE_FORMAT_V1 } from '../webhook/envelope.ts';

/** Options of an e-mail route: the office's address. */
export const emailOptionsSchema = z.object({
  to: z.email('ist keine gültige E-Mail-Adresse'),
});
export type EmailOptions = z.infer<typeof emailOptionsSchema>;

/** Attachments above this total are not mailed (most mail servers refuse 25 MB); the delivery fails for good. */
export const MAX_MAIL_BYTES = 20 * 1024 * 1024;

/** SMTP reply codes 5xx are permanent (mailbox unknown, message refused); everything else may pass later. */
function smtpRetryable(error: unknown): boolean {
  if (error instanceof DeliveryAttemptError) return error.retryable;
  const code = (error as { responseCode?: unknown })?.responseCode;
  return !(typeof code === 'number' && code >= 500 && code < 600);
}

/** The body of the office mail: the reference and a note, never the answers themselves. */
export function officeMailText(payload: DeliveryPayload): { subject: string; text: string } {
  const { reference, tenant } = payload.envelope.metadata;
  return {
    subject: `Neuer Antrag ${reference}`,
    text: [
      'Guten Tag,',
      '',
      `über das Serviceportal der ${tenant.name} ist ein neuer Antrag eingegangen.`,
      '',
      `Aktenzeichen: ${reference}`,
      '',
      'Der Antrag liegt als PDF bei, die Daten maschinenlesbar als JSON (und, wo vorhanden, als XÖV-XML).',
      'Diese E-Mail wurde automatisch erzeugt.',
    ].join('\n'),
  };
}

/**
 * E-mail to the office, for municipalities without a Fachverfahren interface: the application PDF, the
 * data as JSON (the `sac.submission.v1` envelope without attachment contents) and the XÖV XML and uploads
 * as attachments; the body names only the reference.
 */
export function createEmailConnector(mailer: Mailer): Connector<EmailOptions> {
  return {
    id: 'email',
    label: 'E-Mail an die Behörde',
    optionsSchema: emailOptionsSchema,
    demo: false,
    formatVersion: ENVELOPE_FORMAT_V1,
    async checkConfig(options): Promise<ConfigCheck> {
      const parsed = emailOptionsSchema.safeParse(options);
      return parsed.success
        ? { ok: true, problems: [] }
        : { ok: false, problems: ['Die E-Mail-Adresse der Behörde ist ungültig.'] };
    },
    isRetryable: smtpRetryable,
    async deliver(payload: DeliveryPayload, options): Promise<DeliveryReceipt> {
      const { reference } = payload.envelope.metadata;
      const files = await Promise.all(payload.files.map(async (f) => ({ file: f, content: await f.read() })));
      const json = Buffer.from(
        JSON.stringify(
          {
            ...payload.envelope,
            attachments: payload.envelope.attachments.map(
              ({ contentBase64: _c, url: _u, expiresAt: _e, ...meta }) => meta,
            ),
          },
          null,
          2,
        ),
      );
      const total = json.length + files.reduce((sum, f) => sum + f.content.length, 0);
      if (total > MAX_MAIL_BYTES) {
        throw new DeliveryAttemptError(`Anhänge zu groß für E-Mail (${Math.round(total / 1048576)} MB)`, false);
      }
      const attachments: MailAttachment[] = [
        ...files.map(({ file, content }) => ({ filename: file.filename, content, contentType: file.mimeType })),
        { filename: `antrag-${reference}.json`, content: json, contentType: 'application/json' },
      ];
      await mailer.send({ to: options.to, ...officeMailText(payload), attachments });
      return { detail: `E-Mail an die Behörde versendet (${attachments.length} Anhänge)` };
    },
  };
}
