import { createHash } from 'node:crypto';
import type { AddressValue, Answers, FileMeta } from '../../../forms/engine/index.ts';
import { type CodeListName, codeLists } from './code-lists.ts';
import type { SubmissionDocumentInput } from './types.ts';
import { el, opt, serializeXml, type XmlNode } from './xml-writer.ts';

/** Format version of the certificate-order message; bump it with every structural change. */
export const XPERSONENSTAND_PORTAL_FORMAT = 'sac.xpersonenstand-portal.v1';
/** Namespace of SAC's XPersonenstand-style portal message (not the KoSIT namespace: see docs/xoev.md). */
export const XPERSONENSTAND_PORTAL_NS = 'urn:de:sac:xpersonenstand-portal:1';
/** The XPersonenstand release the structure follows. */
export const XPERSONENSTAND_VERSION = '26.11';
export const MESSAGE_TYPE = 'portal2StA.Urkundenanforderung';

/** One event of the order and the assistant's field ids for it. */
interface CaseSpec {
  choice: string;
  event: string;
  prefix: string;
  certificate: string;
  extract: string;
}

const CASES: CaseSpec[] = [
  {
    choice: 'geburt',
    event: 'geburt',
    prefix: 'geb',
    certificate: 'geburtsurkunde',
    extract: 'ausdruck.geburtenregister',
  },
  { choice: 'ehe', event: 'eheschliessung', prefix: 'ehe', certificate: 'eheurkunde', extract: 'ausdruck.eheregister' },
  {
    choice: 'lebenspartnerschaft',
    event: 'lebenspartnerschaft',
    prefix: 'lp',
    certificate: 'lebenspartnerschaftsurkunde',
    extract: 'ausdruck.lebenspartnerschaftsregister',
  },
  {
    choice: 'sterbefall',
    event: 'sterbefall',
    prefix: 'stb',
    certificate: 'sterbeurkunde',
    extract: 'ausdruck.sterberegister',
  },
];

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const obj = (value: unknown): Answers =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Answers) : {};

/** An XÖV code element (`listURI`, `listVersionID`, `<code>`, `<name>`); unknown codes are written as given. */
function code(name: string, list: CodeListName, value: string): XmlNode {
  const codeList = codeLists[list];
  return el(
    name,
    [el('code', value), opt('name', codeList.values.get(value))],
    [
      ['listURI', codeList.uri],
      ['listVersionID', codeList.version],
    ],
  );
}

/** Deterministic message id: a UUID (version 5 layout) from the format and the submission id. */
export function messageUuid(submissionId: string): string {
  const hex = createHash('sha256').update(`${XPERSONENSTAND_PORTAL_FORMAT}:${submissionId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function address(value: unknown): XmlNode {
  const a = obj(value) as AddressValue;
  return el('anschrift', [
    opt('strasse', a.strasse),
    opt('hausnummer', a.hausnummer),
    opt('adresszusatz', a.adresszusatz),
    opt('postleitzahl', a.plz),
    opt('ort', a.ort),
    code('staat', 'staat', '000'),
  ]);
}

function person(
  names: { vornamen?: unknown; familienname?: unknown; heute?: unknown; geburtsname?: unknown },
  birth: unknown,
) {
  return el('person', [
    el('name', [
      opt('vornamen', names.vornamen),
      opt('familienname', names.familienname),
      opt('familiennameHeute', names.heute),
      opt('geburtsname', names.geburtsname),
    ]),
    opt('geburtsdatum', birth),
  ]);
}

function persons(spec: CaseSpec, answers: Answers): XmlNode[] {
  const p = spec.prefix;
  if (spec.choice === 'geburt')
    return [person({ vornamen: answers.gebVornamen, familienname: answers.gebFamilienname }, answers.gebDatum)];
  if (spec.choice === 'sterbefall')
    return [
      person(
        { vornamen: answers.stbVornamen, familienname: answers.stbFamilienname, geburtsname: answers.stbGeburtsname },
        answers.stbGeburtsdatum,
      ),
    ];
  const groups = spec.choice === 'ehe' ? ['eheEhegatte1', 'eheEhegatte2'] : [`${p}Partner1`, `${p}Partner2`];
  return groups.map((id) => {
    const g = obj(answers[id]);
    return person({ vornamen: g.vornamen, familienname: g.familienname, heute: g.familiennameHeute }, g.geburtsdatum);
  });
}

function certificates(spec: CaseSpec, answers: Answers): XmlNode[] {
  const p = spec.prefix;
  const kind = str(answers[`${p}Dokument`]);
  const out: XmlNode[] = [];
  const add = (art: string, count: unknown) =>
    out.push(el('urkunde', [code('urkundenart', 'urkundenart', art), el('anzahl', String(count ?? ''))]));
  if (kind === 'urkunde' || kind === 'beides') add(spec.certificate, answers[`${p}AnzahlUrkunden`]);
  if (kind === 'registerausdruck' || kind === 'beides') add(spec.extract, answers[`${p}AnzahlAusdrucke`]);
  return out;
}

function fileRefs(input: SubmissionDocumentInput, fieldId: string, value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  return (value as FileMeta[]).map((file) => {
    const stored = input.attachments.find((a) => a.fieldId === fieldId && a.name === file.name);
    return el('anhangReferenz', stored?.sha256 ?? '', [['dateiname', file.name]]);
  });
}

function order(spec: CaseSpec, input: SubmissionDocumentInput): XmlNode {
  const answers = input.answers;
  const p = spec.prefix;
  return el('urkundenanforderung', [
    el('beurkundetesEreignis', [
      code('art', 'ereignis', spec.event),
      ...persons(spec, answers),
      opt('datum', answers[`${p}Datum`]),
      opt('ort', answers[`${p}Ort`]),
      opt('registernummer', answers[`${p}Registernummer`]),
    ]),
    el('berechtigung', [
      code('beziehung', 'berechtigung', str(answers[`${p}Beziehung`]) ?? ''),
      opt('rechtlichesInteresse', answers[`${p}Interesse`]),
      ...fileRefs(input, `${p}Vollmacht`, answers[`${p}Vollmacht`]),
    ]),
    el('angeforderteUrkunden', certificates(spec, answers)),
  ]);
}

function payment(input: SubmissionDocumentInput): XmlNode | undefined {
  if (input.fees.totalCents <= 0 && !input.payment) return undefined;
  const amount = input.payment?.amountCents ?? input.fees.totalCents;
  return el('zahlung', [
    el('betrag', (amount / 100).toFixed(2), [['waehrung', 'EUR']]),
    opt('kassenzeichen', input.payment?.transactionReference),
    opt('status', input.payment?.status),
  ]);
}

/** Builds the XPersonenstand-style portal message of a certificate order (not yet validated). */
export function buildUrkundenbestellungXml(input: SubmissionDocumentInput): string {
  const a = input.answers;
  const chosen = Array.isArray(a.faelle) ? (a.faelle as string[]) : [];
  const applicant = el('antragsteller', [
    el('person', [
      el('name', [opt('vornamen', a.vorname), opt('familienname', a.familienname)]),
      opt('geburtsdatum', a.geburtsdatum),
    ]),
    address(a.anschrift),
    el('kommunikation', [opt('email', a.email), opt('telefon', a.telefon)]),
  ]);
  const shipping = str(a.versandart) ?? '';
  const root = el(
    MESSAGE_TYPE,
    [
      el('nachrichtenkopf', [
        el('identifikation.nachricht', [
          el('nachrichtenUUID', messageUuid(input.submissionId)),
          code('nachrichtentyp', 'nachrichtentyp', MESSAGE_TYPE),
          el('erstellungszeitpunkt', input.submittedAt.toISOString()),
        ]),
        el('vorgangsnummer', input.reference),
        el('autor', [el('kennung', 'sac-portal'), el('name', 'SAC Serviceportal'), el('rolle', 'Portal')]),
        el('leser', [
          input.tenant.ars
            ? el('kennung', input.tenant.ars, [['art', 'ARS']])
            : el('kennung', input.tenant.slug, [['art', 'sac-mandant']]),
          el('name', input.tenant.name),
          el('rolle', 'Standesamt'),
        ]),
        el('leistung', [
          ...(input.definition.leikaKeys ?? []).map((key) => el('leikaSchluessel', key)),
          el('assistent', `${input.definition.id}@${input.definition.version}`),
        ]),
      ]),
      el('antrag', [
        code('verwendungszweck', 'verwendungszweck', str(a.verwendungszweck) ?? ''),
        opt('verwendungszweckFreitext', a.zweckSonstiges),
        applicant,
        ...CASES.filter((spec) => chosen.includes(spec.choice)).map((spec) => order(spec, input)),
        el('modalitaeten', [
          code('versandart', 'versandart', shipping),
          shipping === 'post_abweichend'
            ? el('versandanschrift', [opt('empfaenger', a.versandEmpfaenger), address(a.versandAnschrift)])
            : undefined,
          payment(input),
        ]),
        ...input.attachments.map((file) =>
          el('anhang', [
            el('dateiname', file.name),
            el('mimeType', file.mimeType),
            el('groesse', String(file.size)),
            el('sha256', file.sha256),
          ]),
        ),
      ]),
    ],
    [
      ['xmlns', XPERSONENSTAND_PORTAL_NS],
      ['formatVersion', XPERSONENSTAND_PORTAL_FORMAT],
      ['xpersonenstandVersion', XPERSONENSTAND_VERSION],
      ['standard', 'urn:xoev-de:kosit:standard:xinneres.xpersonenstand'],
    ],
  );
  return serializeXml(root);
}
