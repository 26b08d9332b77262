/**
 * The notification that something new is waiting. It names only the reference number and where to look,
 * never a state, a message subject or text: e-mail is not a safe channel for the content.
 */
export function notificationMailText(input: {
  lang: 'de' | 'en';
  reference: string;
  tenantName: string;
  /** Where to look: the mailbox for account holders, the status lookup for anonymous applications. */
  url: string;
  hasAccount: boolean;
}): { subject: string; text: string } {
  if (input.lang === 'en') {
    return {
      subject: `News about your application ${input.reference}`,
      text: [
        'Hello,',
        '',
        `There is news about your application ${input.reference} (${input.tenantName}).`,
        input.hasAccount
          ? `Please log in to read it: ${input.url}`
          : `You can see the current status with your reference number and the status code from your receipt: ${input.url}`,
        '',
        'For your privacy this e-mail does not contain the news itself.',
        '',
        'This e-mail was created automatically. Please do not reply to it.',
      ].join('\n'),
    };
  }
  return {
    subject: `Neuigkeiten zu Ihrem Antrag ${input.reference}`,
    text: [
      'Guten Tag,',
      '',
      `Es gibt Neuigkeiten zu Ihrem Antrag ${input.reference} (${input.tenantName}).`,
      input.hasAccount
        ? `Bitte melden Sie sich an, um sie zu lesen: ${input.url}`
        : `Den aktuellen Stand sehen Sie mit Ihrer Vorgangsnummer und dem Statuscode aus Ihrer Eingangsbestätigung: ${input.url}`,
      '',
      'Zum Schutz Ihrer Daten enthält diese E-Mail keine Inhalte.',
      '',
      'Diese E-Mail wurde automatisch erstellt. Bitte antworten Sie nicht darauf.',
    ].join('\n'),
  };
}
