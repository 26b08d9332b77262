import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType?: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Outgoing mail: SMTP when SMTP_URL is set, otherwise (demo) each mail is written as an .eml file to
 * `<dataDir>/mail/`, where testers can open it. Mails are plain text: no HTML to escape wrongly.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; dataDir: string; from: string }): Mailer {
  const transport: Transporter = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = path.join(opts.dataDir, 'mail');
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      if (!opts.smtpUrl) {
        mkdirSync(dir, { recursive: true });
        const file = path.join(
          dir,
          `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^a-z0-9]/gi, '')}.eml`,
        );
        writeFileSync(file, (info as unknown as { message: Buffer }).message);
      }
    },
  };
}

/** Keeps mails in memory: for tests that assert what a citizen would receive. */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
}
