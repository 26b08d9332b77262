import type { Language } from '../definition/types.ts';

/** Plain-text mail with the resume link only: no code, no answers. */
export function resumeMailText(input: {
  lang: Language;
  title: string;
  tenantName: string;
  link: string;
  validUntil: string;
}) {
  if (input.lang === 'en') {
    return {
      subject: `Your saved application: ${input.title}`,
      text: [
        'Hello,',
        '',
        `you saved your application "${input.title}" (${input.tenantName}). Continue it with this link until ${input.validUntil}:`,
        input.link,
        '',
        'You also need the code that was shown when you saved. For your security it is not in this e-mail.',
      ].join('\n'),
    };
  }
  return {
    subject: `Ihr gespeicherter Antrag: ${input.title}`,
    text: [
      'Guten Tag,',
      '',
      `Sie haben Ihren Antrag „${input.title}“ (${input.tenantName}) zwischengespeichert. Mit diesem Link können Sie ihn bis zum ${input.validUntil} fortsetzen:`,
      input.link,
      '',
      'Sie brauchen dazu den Code, der Ihnen beim Speichern angezeigt wurde. Aus Sicherheitsgründen steht er nicht in dieser E-Mail.',
      '',
      'Diese E-Mail wurde automatisch erstellt.',
    ].join('\n'),
  };
}
