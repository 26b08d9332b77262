import type { AssistantDefinition } from '../../forms/definition/types.ts';
import { localize } from '../../forms/engine/index.ts';

export interface ConfirmationMailInput {
  lang: 'de' | 'en';
  tenantName: string;
  definition: AssistantDefinition;
  reference: string;
  receiptUrl: string;
}

/** Plain-text confirmation: what was received, the reference number and the receipt link; no answers. */
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
      '',
      'Bitte geben Sie die Vorgangsnummer an, wenn Sie sich an uns wenden. Zum Schutz Ihrer Daten enthält diese E-Mail keine Angaben aus Ihrem Antrag.',
      '',
      'Diese E-Mail wurde automatisch erstellt.',
    ].join('\n'),
  };
}
