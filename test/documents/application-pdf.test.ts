import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCodeLists } from '../../src/modules/forms/codelists/index.ts';
import { computeFees, localize, summarize } from '../../src/modules/forms/engine/index.ts';
import {
  buildApplicationPdf,
  buildXoevXml,
  loadDocumentInput,
  xoevMappingFor,
} from '../../src/modules/submissions/documents/index.ts';
import { extractPdf, squash } from '../pdf/extract.ts';
import { answersFor, ctx, POSTS } from '../pdf/fixtures.ts';
import { summaryTexts } from '../pdf/summary-texts.ts';
import { ASSISTANT_IDS, createDocumentsApp, type DocumentsApp, insertSubmission, TENANT_OF } from './setup.ts';

describe('application PDF of stored submissions (text extracted with pdf.js)', () => {
  let app: DocumentsApp;
  beforeAll(async () => {
    app = await createDocumentsApp();
  });
  afterAll(() => app.close());

  for (const id of ASSISTANT_IDS) {
    it(`${id}: reference, tenant, title, version, every label and value, payment, attachments, embedded data`, async () => {
      const def = app.definitions.get(id)!;
      const fees = computeFees(def, answersFor(def, POSTS[id] ?? {}), ctx);
      const kassenzeichen = fees.totalCents > 0 ? `KZ-2026-${id.slice(0, 4).toUpperCase()}-77` : undefined;
      const s = await insertSubmission(app, id, { paid: kassenzeichen });
      const pdf = await buildApplicationPdf(app.deps, s.tenantId, s.id);
      expect(pdf.filename).toBe(`antrag-${s.reference}.pdf`);
      const { text, attachments } = await extractPdf(pdf.bytes);
      const squashed = squash(text);

      const tenant = await app.deps.database.db
        .selectFrom('tenants')
        .select('name')
        .where('slug', '=', TENANT_OF[id]!)
        .executeTakeFirstOrThrow();
      const summary = summarize(def, s.answers, { today: '2026-11-30', lang: 'de', codeLists: shippedCodeLists });
      const wanted = [s.reference, tenant.name, localize(def.title, 'de'), `Version ${def.version}`];
      for (const value of [...wanted, ...summaryTexts(summary)]) expect(squashed, value).toContain(squash(value));

      if (kassenzeichen) {
        expect(squashed).toContain(kassenzeichen);
        expect(text).toContain('Bezahlt');
      } else expect(text).not.toContain('Kassenzeichen');

      for (const upload of s.uploads) {
        expect(squashed).toContain(squash(upload.name));
        expect(squashed).toContain(upload.sha256);
      }

      const json = JSON.parse(new TextDecoder().decode(attachments['antrag.json']!.content));
      expect(json.answers).toEqual(s.answers);
      expect(json).toMatchObject({ reference: s.reference, assistant: { id, version: def.version } });
      if (kassenzeichen) expect(json.payment).toMatchObject({ status: 'paid', transactionReference: kassenzeichen });

      const mapping = xoevMappingFor(id);
      if (mapping) {
        const xml = new TextDecoder().decode(attachments['antrag.xml']!.content);
        expect(() => mapping.validate(xml)).not.toThrow();
        expect(xml).toBe((await buildXoevXml(app.deps, s.tenantId, s.id))!.xml);
        if (kassenzeichen) expect(xml).toContain(`<kassenzeichen>${kassenzeichen}</kassenzeichen>`);
      } else {
        expect(Object.keys(attachments)).toEqual(['antrag.json']);
        expect(await buildXoevXml(app.deps, s.tenantId, s.id)).toBeNull();
      }
    });
  }

  it('answers appear in the order of the assistant, repeatable groups as "Hund 1", "Hund 2"', async () => {
    const s = await insertSubmission(app, 'hundeanmeldung');
    const { text } = await extractPdf((await buildApplicationPdf(app.deps, s.tenantId, s.id)).bytes);
    const order = ['Hund 1', 'Bello', 'Deutscher Schäferhund', 'Hund 2', 'Luna', 'Pudel × Labrador', 'Erika'];
    const positions = order.map((wanted) => text.indexOf(wanted));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('is deterministic: the same submission gives identical bytes and checksum', async () => {
    const s = await insertSubmission(app, 'urkundenbestellung', { paid: 'KZ-DET-1' });
    const first = await buildApplicationPdf(app.deps, s.tenantId, s.id);
    app.manualClock.advance(3_600_000);
    const second = await buildApplicationPdf(app.deps, s.tenantId, s.id);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(second.sha256).toBe(first.sha256);
  });

  it('sets document language and a title with the reference', async () => {
    const s = await insertSubmission(app, 'begruessungsgeld');
    const doc = await PDFDocument.load((await buildApplicationPdf(app.deps, s.tenantId, s.id)).bytes, {
      updateMetadata: false,
    });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe('de-DE');
    expect(doc.getTitle()).toContain(s.reference);
  });

  it('a submission made in English gets the English PDF (title, labels, language tag)', async () => {
    const s = await insertSubmission(app, 'urkundenbestellung', { language: 'en', paid: 'KZ-EN-1' });
    const bytes = (await buildApplicationPdf(app.deps, s.tenantId, s.id)).bytes;
    const { text } = await extractPdf(bytes);
    expect(text).toContain('Order civil status certificates');
    expect(text).toContain('Reference number');
    expect(text).toContain('Paid');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe('en');
  });

  it('another tenant cannot load the submission (404)', async () => {
    const s = await insertSubmission(app, 'hundeabmeldung');
    const other = app.tenantIds.get('wernigerode')!;
    await expect(buildApplicationPdf(app.deps, other, s.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(loadDocumentInput(app.deps, other, s.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('XSS-like answers are plain text in the PDF and escaped in the XML', async () => {
    const def = app.definitions.get('urkundenbestellung')!;
    const posts = structuredClone(POSTS.urkundenbestellung!);
    (posts.zweck as Record<string, string>).zweckSonstiges = '<script>alert("x")</script> & ]]>';
    const s = await insertSubmission(app, 'urkundenbestellung', { answers: answersFor(def, posts) });
    const pdf = await buildApplicationPdf(app.deps, s.tenantId, s.id);
    expect((await extractPdf(pdf.bytes)).text).toContain('<script>alert("x")</script> & ]]>');
    const xml = (await buildXoevXml(app.deps, s.tenantId, s.id))!.xml;
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt;');
  });
});
