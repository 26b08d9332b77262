import type { AssistantDefinition } from '../../forms/definition/types.ts';
import { localize } from '../../forms/engine/index.ts';

export interface ConfirmationMailInput {
  lang: 'de' | 'en';
  tenantName: string;
  definition: AssistantDefinition;
  reference: string;
  receiptUrl: string;
  /** Mein Konto's list of applications, when the submission belongs to a citizen account. */
  accountUrl?: string;
}

/**
 * Plain-text confirmation: what was received, the reference number, the receipt link and (for account
 * holders) Mein Konto. Never the answers, never the status code (it is a secret shown only on the receipt).
 */
export function confirmationMailText(input: ConfirmationMailInput): { subject: string; text: string } {
  const title = localize(input.definition.title, input.lang);
  if (input.lang === 'en') {
    return {
      subject: `Application received: ${input.reference}`,
      text: [
        'Hello,',
        '',
        `${input.tenantName} has received your application "${title}".`,
        '',
        `Your reference number: ${input.reference}`,
        `Receipt: ${input.receiptUrl}`,
        ...(input.accountUrl
          ? [`Your application as PDF and its progress are in your account: ${input.accountUrl}`]
          : []),
        '',
        'Please quote the reference number when you contact us. For your privacy this e-mail does not contain your answers.',
      ].join('\n'),
    };
  }
  return {
    subject: `Antrag eingegangen: ${input.reference}`,
    text: [
      'Guten Tag,',
      '',
      `Ihr Antrag „${title}“ ist bei ${input.tenantName} eingegangen.`,
      '',
      `Ihre Vorgangsnummer: ${input.reference}`,
      `Eingangsbestätigung: ${input.receiptUrl}`,
      ...(input.accountUrl
        ? [`Ihren Antrag als PDF und den Bearbeitungsstand finden Sie in Ihrem Konto: ${input.accountUrl}`]
        : []),
      '',
      'Bitte geben Sie die Vorgangsnummer an, wenn Sie sich an uns wenden. Zum Schutz Ihrer Daten enthält diese E-Mail keine Angaben aus Ihrem Antrag.',
      '',
      'Diese E-Mail wurde automatisch erstellt.',
    ].join('\n'),
  };
}
