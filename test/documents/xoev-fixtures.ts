import { computeFees } from '../../src/modules/forms/engine/index.ts';
import type { SubmissionDocumentInput } from '../../src/modules/submissions/documents/index.ts';
import type { Post } from '../assistants/post-body.ts';
import { answersFor, ctx, loadAssistant, POSTS } from '../pdf/fixtures.ts';

const date = (iso: string): Post => ({ tag: iso.slice(8, 10), monat: iso.slice(5, 7), jahr: iso.slice(0, 4) });
const spouse = (vornamen: string, familienname: string, geburtsdatum: string): Post => ({
  vornamen,
  familienname,
  familiennameHeute: familienname,
  geburtsdatum: date(geburtsdatum),
});

/** A certificate order with all four events, an authorisation upload and delivery to another address. */
export const allCasesPosts: Record<string, Post> = {
  ...POSTS.urkundenbestellung,
  auswahl: { faelle: ['geburt', 'ehe', 'lebenspartnerschaft', 'sterbefall'] },
  geburt: { ...(POSTS.urkundenbestellung!.geburt as Post), gebDokument: 'beides', gebAnzahlAusdrucke: '1' },
  ehe: {
    eheEhegatte1: spouse('Jürgen Björn', 'Weiß', '1964-08-12'),
    eheEhegatte2: spouse('Ayşe', 'Öztürk', '1966-02-01'),
    eheDatum: date('1990-06-15'),
    eheOrt: 'Halberstadt',
    eheRegisternummer: 'E 77/1990',
    eheBeziehung: 'selbst',
    eheDokument: 'urkunde',
    eheAnzahlUrkunden: '3',
  },
  lebenspartnerschaft: {
    lpPartner1: spouse('Kai', 'Groß', '1970-01-01'),
    lpPartner2: spouse('Jörn', 'Klein', '1971-02-02'),
    lpDatum: date('2005-05-05'),
    lpOrt: 'Magdeburg',
    lpBeziehung: 'geschwister',
    lpInteresse: 'Erbschaft meines Bruders',
    lpDokument: 'registerausdruck',
    lpAnzahlAusdrucke: '1',
  },
  sterbefall: {
    stbVornamen: 'Gertrud',
    stbFamilienname: 'Weiß',
    stbGeburtsname: 'Schulze',
    stbGeburtsdatum: date('1930-03-03'),
    stbDatum: date('2020-12-24'),
    stbOrt: 'Magdeburg',
    stbBeziehung: 'bevollmaechtigt',
    stbVollmacht: [{ id: 'upl-vollmacht', name: 'vollmacht.pdf', size: '2048', mimeType: 'application/pdf' }],
    stbDokument: 'urkunde',
    stbAnzahlUrkunden: '1',
  },
  versand: {
    versandart: 'post_abweichend',
    versandEmpfaenger: 'Kanzlei Müller & Partner',
    versandAnschrift: { strasse: 'Breiter Weg', hausnummer: '1', plz: '39104', ort: 'Magdeburg' },
  },
};

/** A document input for the certificate order as the documents module would load it. */
export function certificateOrderInput(
  posts: Record<string, Post> = POSTS.urkundenbestellung!,
): SubmissionDocumentInput {
  const definition = loadAssistant('urkundenbestellung');
  const answers = answersFor(definition, posts);
  const fees = computeFees(definition, answers, ctx);
  return {
    submissionId: '6f1c3a52-8a55-4c1e-9a4e-0b7f5e2d9c11',
    reference: 'MD-7K3Q-9XF2',
    submittedAt: new Date('2026-11-30T13:05:42.123Z'),
    lang: 'de',
    tenant: {
      slug: 'magdeburg',
      name: 'Landeshauptstadt Magdeburg',
      ars: '150030000000',
      primaryColor: '#0b5ea8',
      logoSvg: null,
    },
    definition,
    answers,
    fees,
    payment: { status: 'paid', transactionReference: 'KZ-2026-000123', amountCents: fees.totalCents },
    attachments: [
      {
        fieldId: 'stbVollmacht',
        name: 'vollmacht.pdf',
        mimeType: 'application/pdf',
        size: 2048,
        sha256: 'a'.repeat(64),
      },
    ],
  };
}
