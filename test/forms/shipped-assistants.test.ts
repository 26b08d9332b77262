import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedAssistantsDir } from '../../src/modules/forms/assistants-store/ops/publish-shipped-assistants.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser } from '../helpers/app.ts';
import { createFormsApp, type FormsApp } from './forms-app.ts';
import { completeJourney } from './journey.ts';
import type { AnswerTable } from './valid-answers.ts';

/** Answers the generic generator cannot guess (patterns, rules across fields, dates near today). */
const tables: Record<string, { tenant: string; table: AnswerTable }> = {
  urkundenbestellung: { tenant: 'magdeburg', table: {} },
  hundeanmeldung: {
    tenant: 'magdeburg',
    table: {
      'hunde[0][transponder]': '276098106543210',
      'hunde[0][haltungSeit]': '2025-06-01',
      'hunde[0][geburtsdatum]': '2024-02-01',
      ermaessigung: 'nein',
    },
  },
  hundeabmeldung: { tenant: 'magdeburg', table: { transponder: '276098106543210' } },
  begruessungsgeld: {
    tenant: 'wernigerode',
    table: {
      kindGeburtsdatum: '2026-01-05',
      zuzugsdatum: '2025-12-01',
      anschrift: { strasse: 'Marktplatz', hausnummer: '1', plz: '38855', ort: 'Wernigerode' },
    },
  },
  gewerbeanmeldung: { tenant: 'magdeburg', table: { beginn: '2026-04-01', erlaubnis: 'nein' } },
};

const files = readdirSync(shippedAssistantsDir).filter((name) => name.endsWith('.json'));
const definitions = files.map(
  (file) => JSON.parse(readFileSync(path.join(shippedAssistantsDir, file), 'utf8')) as AssistantDefinition,
);

describe('journeys through the shipped assistants', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
    for (const def of definitions) await app.offer(def, [tables[def.id]?.tenant ?? 'magdeburg']);
  });
  afterAll(() => app.close());

  it('ships the five assistants', () => {
    expect(definitions.map((def) => def.id).sort()).toEqual(
      ['begruessungsgeld', 'gewerbeanmeldung', 'hundeabmeldung', 'hundeanmeldung', 'urkundenbestellung'].filter((id) =>
        definitions.some((def) => def.id === id),
      ),
    );
  });

  for (const def of definitions) {
    it(`${def.id}: start → every step → consent → check → submit → receipt`, async () => {
      const setup = tables[def.id] ?? { tenant: 'magdeburg', table: {} };
      const browser = new Browser(app.app);
      const result = await completeJourney(app, browser, def, setup);
      const receipt = await browser.get(result.receiptUrl);
      expect(receipt.statusCode).toBe(200);
      expect(receipt.body).toContain(result.reference);
      if (def.id === 'hundeanmeldung') {
        // The proof of insurance uploaded on the way now belongs to the submission.
        const tenantId = app.tenantIds.get(setup.tenant)!;
        const submission = await scoped(app.testDb.database.db, tenantId)
          .selectFrom('submissions')
          .select('id')
          .where('reference', '=', result.reference)
          .executeTakeFirstOrThrow();
        const uploads = await scoped(app.testDb.database.db, tenantId)
          .selectFrom('uploads')
          .select('id')
          .where('submission_id', '=', submission.id)
          .execute();
        expect(uploads.length).toBeGreaterThanOrEqual(1);
      }
    });
  }
});
