import { describe, expect, it } from 'vitest';
import {
  applyGroupAction,
  computeFees,
  type FormState,
  pruneHidden,
  summarize,
  validateAnswers,
} from '../../src/modules/forms/engine/index.ts';
import { address, ctx, date, file, loadAssistant, type Post, stepErrors, summaryText, walkClean } from './helpers.ts';

const def = loadAssistant('hundeanmeldung');

const bello: Post = {
  name: 'Bello',
  rasseart: 'mischling',
  kreuzung: 'Labrador-Pudel-Mischling',
  geschlecht: 'ruede',
  geburtsdatum: date('2024-03-10'),
  transponder: '276098106234567',
  haltungSeit: date('2026-11-20'),
  herkunft: 'tierheim',
  herkunftName: 'Tierheim Magdeburg',
  herkunftAnschrift: address('Am Hopfengarten', '5', '39116', 'Magdeburg'),
  gefaehrlich: 'nein',
};

const luna: Post = {
  name: 'Luna',
  rasseart: 'rassehund',
  rasse: 'Staffordshire-Bullterrier',
  geschlecht: 'huendin',
  geburtsdatum: date('2021-07-01'),
  transponder: '276098106111222',
  haltungSeit: date('2022-01-15'),
  herkunft: 'zuzug',
  vorherigeGemeinde: 'Halberstadt',
  gefaehrlich: 'ja',
  gefaehrlichNachweise: file('erlaubnis.pdf'),
};

const posts: Record<string, Post> = {
  hunde: { hunde: [bello, luna] },
  halter: {
    vorname: 'Erika',
    familienname: 'Mustermann',
    geburtsdatum: date('1964-08-12'),
    anschrift: address('Heidestraße', '17', '39104', 'Magdeburg'),
    telefon: '0391 1234567',
    email: 'erika@example.org',
  },
  versicherung: {
    versicherer: 'Harzer Versicherung AG',
    versicherungsnummer: 'HV-2026-4711',
    versicherungsnachweis: file('versicherung.pdf'),
  },
  steuer: {
    ermaessigung: 'ja',
    ermaessigungGrund: 'tierheimhund',
    ermaessigungHund: 'Bello',
    ermaessigungBegruendung: 'Bello kommt aus dem Tierheim Magdeburg.',
    ermaessigungNachweis: file('abgabevertrag.jpg', 'image/jpeg'),
  },
};

const withDog = (changes: Post, index = 0): Post => {
  const dogs = [bello, luna].map((dog, i) => (i === index ? { ...dog, ...changes } : dog));
  return { hunde: dogs as Post[] };
};

describe('Hundeanmeldung: happy path', () => {
  it('walks all four steps with two dogs without errors', () => {
    const { answers, visited } = walkClean(def, posts);
    expect(visited).toEqual(['hunde', 'halter', 'versicherung', 'steuer']);
    expect(validateAnswers(def, answers, ctx)).toEqual([]);
    expect(answers.hunde).toHaveLength(2);
    expect((answers.hunde as { transponder: string }[])[1]?.transponder).toBe('276098106111222');
  });

  it('one dog without a tax request needs neither dog name nor proof on the tax step', () => {
    const { answers } = walkClean(def, { ...posts, hunde: { hunde: [bello] }, steuer: { ermaessigung: 'nein' } });
    expect(answers.ermaessigung).toBe('nein');
  });

  it('the tax request asks which dog only when there is more than one', () => {
    const steuer = { ...posts.steuer, ermaessigungHund: '' } as Post;
    expect(stepErrors(def, posts, 'steuer', steuer)).toEqual([['ermaessigungHund', 'required']]);
    expect(stepErrors(def, { ...posts, hunde: { hunde: [bello] } }, 'steuer', steuer)).toEqual([]);
  });

  it('summarize lists each dog as an item', () => {
    const { answers } = walkClean(def, posts);
    const lines = summaryText(summarize(def, answers, ctx));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Ihre Hunde / Hund 1 / Name des Hundes: Bello',
        'Ihre Hunde / Hund 1 / Welche Rassen sind gekreuzt?: Labrador-Pudel-Mischling',
        'Ihre Hunde / Hund 1 / Geburtsdatum (Wurfdatum) des Hundes: 10.03.2024',
        'Ihre Hunde / Hund 2 / Welche Rasse?: Staffordshire-Bullterrier',
        'Ihre Hunde / Hund 2 / Bisherige Gemeinde: Halberstadt',
        'Ihre Hunde / Hund 2 / Vorhandene Nachweise (Erlaubnis, Wesenstest, Sachkunde): erlaubnis.pdf (117 KB)',
        'Haftpflichtversicherung / Versicherungsscheinnummer: HV-2026-4711',
        'Hundesteuer / Grund: Hund aus einem Tierheim',
      ]),
    );
    expect(lines.some((line) => line.startsWith('Ihre Hunde / Hund 1 / Welche Rasse?'))).toBe(false);
    expect(lines.some((line) => line.startsWith('Ihre Hunde / Hund 2 / Name der Züchterin'))).toBe(false);
  });

  it('pruneHidden drops hidden answers inside a dog and of the tax request', () => {
    const { answers } = walkClean(def, posts);
    const dogs = answers.hunde as Record<string, unknown>[];
    const changed = {
      ...answers,
      hunde: [{ ...dogs[0], rasseart: 'rassehund', rasse: 'Pudel', herkunft: 'eigenerWurf' }, dogs[1]],
      ermaessigung: 'nein',
    } as typeof answers;
    const pruned = pruneHidden(def, changed, ctx);
    const first = (pruned.hunde as Record<string, unknown>[])[0]!;
    expect(first).not.toHaveProperty('kreuzung');
    expect(first).not.toHaveProperty('herkunftName');
    expect(first).not.toHaveProperty('herkunftAnschrift');
    expect(first.rasse).toBe('Pudel');
    for (const gone of ['ermaessigungGrund', 'ermaessigungHund', 'ermaessigungBegruendung', 'ermaessigungNachweis']) {
      expect(pruned).not.toHaveProperty(gone);
    }
  });

  it('costs nothing: the Hundesteuer is assessed later by notice', () => {
    const { answers } = walkClean(def, posts);
    expect(computeFees(def, answers, ctx)).toEqual({ lines: [], totalCents: 0 });
    const steuer = def.steps.find((step) => step.id === 'steuer')!;
    expect(JSON.stringify(steuer.fields[0])).toContain('gebührenfrei');
  });
});

describe('Hundeanmeldung: validation errors', () => {
  it('a dog without any answers (an empty item as the browser posts it)', () => {
    expect(stepErrors(def, posts, 'hunde', { hunde: [{ name: '', transponder: '' }] })).toEqual([
      ['hunde[0][name]', 'required'],
      ['hunde[0][rasseart]', 'required'],
      ['hunde[0][geschlecht]', 'required'],
      ['hunde[0][geburtsdatum]', 'required'],
      ['hunde[0][transponder]', 'required'],
      ['hunde[0][haltungSeit]', 'required'],
      ['hunde[0][herkunft]', 'required'],
      ['hunde[0][gefaehrlich]', 'required'],
    ]);
  });

  it('no dog at all', () => {
    expect(stepErrors(def, posts, 'hunde', {})).toEqual([['hunde', 'tooFewItems']]);
  });

  it('too many dogs (max 5, here 6)', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ ...bello, name: `Hund ${i + 1}` }));
    const result = stepErrors(def, posts, 'hunde', { hunde: six });
    expect(result).toEqual([['hunde', 'tooManyItems']]);
  });

  it('"Weiteren Hund hinzufügen" stops at five', () => {
    let state: FormState = { answers: { hunde: [] }, raw: {} };
    for (let i = 0; i < 5; i++) {
      const outcome = applyGroupAction(def, state, { kind: 'add', group: 'hunde' });
      expect(outcome.applied).toBe(true);
      state = outcome;
    }
    expect(applyGroupAction(def, state, { kind: 'add', group: 'hunde' }).applied).toBe(false);
    expect(state.answers.hunde).toHaveLength(5);
  });

  it.each([
    ['27609810623456', 'too short'],
    ['2760981062345678', 'too long'],
    ['27609810623456X', 'a letter'],
    ['276 098 106 234 567', 'with spaces'],
  ])('bad transponder number %s (%s)', (transponder) => {
    expect(stepErrors(def, posts, 'hunde', withDog({ transponder }))).toEqual([['hunde[0][transponder]', 'pattern']]);
  });

  it('the transponder message says what is expected', () => {
    const result = walkClean(def, posts);
    expect(result.answers.hunde).toBeDefined();
    const errors = validateAnswers(
      def,
      { ...result.answers, hunde: [{ ...(result.answers.hunde as object[])[0], transponder: '123' }] },
      ctx,
    );
    expect(errors[0]?.message).toBe(
      'Die Transpondernummer besteht aus genau 15 Ziffern, zum Beispiel 276098106234567.',
    );
  });

  it("the dog's birth date must be in the past", () => {
    expect(
      stepErrors(def, posts, 'hunde', withDog({ geburtsdatum: date('2026-11-30'), haltungSeit: date('2026-11-30') })),
    ).toEqual([['hunde[0][geburtsdatum]', 'past']]);
  });

  it('kept since: not in the future, not before the birth', () => {
    expect(stepErrors(def, posts, 'hunde', withDog({ haltungSeit: date('2026-12-01') }))).toEqual([
      ['hunde[0][haltungSeit]', 'notFuture'],
    ]);
    const errors = stepErrors(def, posts, 'hunde', withDog({ haltungSeit: date('2024-01-01') }));
    expect(errors).toEqual([['hunde[0][haltungSeit]', 'notBefore']]);
  });

  it('breed or cross is required depending on the choice', () => {
    expect(stepErrors(def, posts, 'hunde', withDog({ kreuzung: '' }))).toEqual([['hunde[0][kreuzung]', 'required']]);
    expect(stepErrors(def, posts, 'hunde', withDog({ rasse: '' }, 1))).toEqual([['hunde[1][rasse]', 'required']]);
  });

  it('the origin asks for the previous municipality or the name, depending on the answer', () => {
    expect(stepErrors(def, posts, 'hunde', withDog({ herkunftName: '' }))).toEqual([
      ['hunde[0][herkunftName]', 'required'],
    ]);
    expect(stepErrors(def, posts, 'hunde', withDog({ vorherigeGemeinde: '' }, 1))).toEqual([
      ['hunde[1][vorherigeGemeinde]', 'required'],
    ]);
    expect(stepErrors(def, posts, 'hunde', withDog({ herkunft: 'eigenerWurf', herkunftName: '' }))).toEqual([]);
  });

  it('keeper: bad postcode, bad phone, future birth date', () => {
    const halter = {
      ...posts.halter,
      geburtsdatum: date('2027-01-01'),
      anschrift: address('Heidestraße', '17', '391O4', 'Magdeburg'),
      telefon: 'ruf mich an',
    } as Post;
    expect(stepErrors(def, posts, 'halter', halter)).toEqual([
      ['geburtsdatum', 'past'],
      ['anschrift', 'postcode'],
      ['telefon', 'phone'],
    ]);
  });

  it('insurance: proof required, only PDF/JPEG/PNG up to 10 MB', () => {
    const versicherung = (proof?: Post[]) => ({ ...posts.versicherung, versicherungsnachweis: proof ?? [] }) as Post;
    expect(stepErrors(def, posts, 'versicherung', versicherung())).toEqual([['versicherungsnachweis', 'required']]);
    expect(
      stepErrors(def, posts, 'versicherung', versicherung(file('police.pdf', 'application/pdf', 11 * 1024 * 1024))),
    ).toEqual([['versicherungsnachweis', 'fileTooLarge']]);
    expect(stepErrors(def, posts, 'versicherung', versicherung(file('police.gif', 'image/gif')))).toEqual([
      ['versicherungsnachweis', 'fileType'],
    ]);
    expect(stepErrors(def, posts, 'versicherung', versicherung(file('police.png', 'image/png')))).toEqual([]);
  });

  it('tax reduction: reason, explanation and proof are required only when requested', () => {
    expect(stepErrors(def, posts, 'steuer', { ermaessigung: 'ja' })).toEqual([
      ['ermaessigungGrund', 'required'],
      ['ermaessigungHund', 'required'],
      ['ermaessigungBegruendung', 'required'],
      ['ermaessigungNachweis', 'required'],
    ]);
    expect(stepErrors(def, posts, 'steuer', { ermaessigung: 'nein' })).toEqual([]);
  });

  it('the dangerous-dog info is shown only for the listed breeds', () => {
    const group = def.steps[0]!.fields[0]!;
    expect(group.type).toBe('group');
    const info = group.type === 'group' ? group.fields.find((field) => field.id === 'gefaehrlichHinweis') : undefined;
    expect(info?.when).toBe('gefaehrlich == "ja"');
    expect(JSON.stringify(info)).toContain('Erlaubnis');
  });
});
