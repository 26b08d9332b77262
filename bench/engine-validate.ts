/**
 * Micro-benchmark of the pure form engine: a 300-field definition (with conditions and a cross-field
 * rule) whose repeatable group holds 50 items. Run: `node --import tsx bench/engine-validate.ts`
 */
import type { AssistantDefinition, Field } from '../src/modules/forms/definition/types.ts';
import { validateDefinition } from '../src/modules/forms/definition/validate-definition.ts';
import type { Answers } from '../src/modules/forms/engine/answers.ts';
import { computeFees } from '../src/modules/forms/engine/fees.ts';
import { pruneHidden } from '../src/modules/forms/engine/prune-hidden.ts';
import { submitStep } from '../src/modules/forms/engine/submit-step.ts';
import { validateAnswers } from '../src/modules/forms/engine/validate.ts';

const ctx = { today: '2026-01-15' };
const KINDS = [
  'text',
  'integer',
  'date',
  'email',
  'select',
  'iban',
  'currency',
  'address',
  'postcode',
  'checkbox',
] as const;

function field(index: number): Field {
  const kind = KINDS[index % KINDS.length]!;
  const base = { id: `f${index}`, label: `Feld ${index}`, required: index % 3 !== 0 };
  const when = index % 7 === 0 && index > 0 ? { when: `f${index - 1} != "" or count(fahrzeuge) > 1` } : {};
  switch (kind) {
    case 'select':
      return {
        ...base,
        ...when,
        type: 'select',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      };
    case 'date':
      return { ...base, ...when, type: 'date', mustBe: 'past' };
    case 'integer':
      return { ...base, ...when, type: 'integer', min: 0, max: 1000 };
    case 'text':
      return { ...base, ...when, type: 'text', maxLength: 200, pattern: '[^<>]*' };
    default:
      return { ...base, ...when, type: kind };
  }
}

function value(f: Field): unknown {
  switch (f.type) {
    case 'text':
      return 'Beispieltext';
    case 'integer':
      return 42;
    case 'date':
      return '1985-03-17';
    case 'email':
      return 'name@beispiel.de';
    case 'select':
      return 'a';
    case 'iban':
      return 'DE89370400440532013000';
    case 'currency':
      return 123456;
    case 'address':
      return { strasse: 'Breiter Weg', hausnummer: '1', plz: '39104', ort: 'Magdeburg' };
    case 'postcode':
      return '39104';
    case 'checkbox':
      return true;
    default:
      return undefined;
  }
}

const itemFields: Field[] = [
  {
    id: 'kennzeichen',
    type: 'text',
    label: 'Kennzeichen',
    required: true,
    pattern: '[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} [0-9]{1,4}',
  },
  {
    id: 'art',
    type: 'select',
    label: 'Art',
    required: true,
    options: [
      { value: 'pkw', label: 'Pkw' },
      { value: 'lkw', label: 'Lkw' },
    ],
  },
  { id: 'zulassung', type: 'date', label: 'Erstzulassung', required: true, mustBe: 'past' },
  { id: 'gewicht', type: 'integer', label: 'Gewicht', when: 'art == "lkw"', required: true, min: 1 },
  { id: 'halter', type: 'text', label: 'Halter' },
];
const topFields = Array.from({ length: 300 - itemFields.length - 1 }, (_, i) => field(i));
const steps = Array.from({ length: 10 }, (_, s) => ({
  id: `schritt${s}`,
  title: `Schritt ${s + 1}`,
  fields: topFields.slice(s * 30, s * 30 + 30) as Field[],
}));
steps[9]!.fields.push({
  id: 'fahrzeuge',
  type: 'group',
  label: 'Fahrzeuge',
  repeatable: true,
  min: 1,
  max: 50,
  itemLabel: 'Fahrzeug {n}',
  fields: itemFields,
});

const def: AssistantDefinition = {
  id: 'bench',
  version: '1.0.0',
  title: 'Benchmark',
  languages: ['de'],
  leikaKeys: [],
  steps,
  rules: [{ id: 'r1', fields: ['f1'], assert: 'f1 <= 1000', message: 'Zu groß.' }],
  fees: [{ id: 'fz', label: 'Fahrzeug {kennzeichen}', forEach: 'fahrzeuge', unitCents: 1000 }],
};

const answers: Answers = {};
for (const f of topFields) answers[f.id] = value(f) as Answers[string];
answers.fahrzeuge = Array.from({ length: 50 }, (_, i) => ({
  kennzeichen: `MD-AB ${i + 1}`,
  art: i % 2 ? 'lkw' : 'pkw',
  zulassung: '2019-05-01',
  ...(i % 2 ? { gewicht: 7500 } : {}),
  halter: 'Anna Muster',
}));

const body: Record<string, string> = {};
(answers.fahrzeuge as Answers[]).forEach((item, i) => {
  body[`fahrzeuge[${i}][kennzeichen]`] = String(item.kennzeichen);
  body[`fahrzeuge[${i}][art]`] = String(item.art);
  body[`fahrzeuge[${i}][zulassung][tag]`] = '1';
  body[`fahrzeuge[${i}][zulassung][monat]`] = '5';
  body[`fahrzeuge[${i}][zulassung][jahr]`] = '2019';
  if (item.gewicht) body[`fahrzeuge[${i}][gewicht]`] = '7.500';
});

function measure(name: string, run: () => unknown, iterations = 1000): number {
  for (let i = 0; i < 200; i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  console.log(`${name.padEnd(46)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms`);
  return median;
}

const check = validateDefinition(def);
if (!check.ok) throw new Error(`bench definition invalid: ${JSON.stringify(check.errors.slice(0, 3))}`);
const errors = validateAnswers(def, answers, ctx);
if (errors.length > 0) throw new Error(`bench answers invalid: ${JSON.stringify(errors.slice(0, 3))}`);
const fieldCount = def.steps.reduce((n, s) => n + s.fields.length, 0) + itemFields.length;
console.log(`definition: ${fieldCount} fields in ${def.steps.length} steps, repeatable group with 50 items`);

const median = measure('validateAnswers (whole application)', () => validateAnswers(def, answers, ctx));
measure('pruneHidden', () => pruneHidden(def, answers, ctx));
measure('submitStep (parse + prune + validate, 50 items)', () =>
  submitStep(def, 'schritt9', { answers, raw: {} }, body, ctx),
);
measure('computeFees (50 lines)', () => computeFees(def, answers, ctx));
measure('validateDefinition', () => validateDefinition(def), 200);
console.log(
  median < 2
    ? `OK: median validate ${median.toFixed(3)} ms < 2 ms`
    : `SLOW: median validate ${median.toFixed(3)} ms >= 2 ms`,
);
