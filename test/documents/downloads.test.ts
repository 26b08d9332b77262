import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/app.ts';
import { extractPdf } from '../pdf/extract.ts';
import {
  createAccount,
  createDocumentsApp,
  type DocumentsApp,
  type InsertedSubmission,
  insertSubmission,
} from './setup.ts';

const receiptPdf = (tenant: string, assistant: string, reference: string) =>
  `/${tenant}/antrag/${assistant}/eingang/${reference}/antrag.pdf`;

describe('application PDF downloads', () => {
  let app: DocumentsApp;
  let owner: string;
  let stranger: string;
  let s: InsertedSubmission;
  let anonymous: InsertedSubmission;

  beforeAll(async () => {
    app = await createDocumentsApp();
    owner = await createAccount(app);
    stranger = await createAccount(app);
    s = await insertSubmission(app, 'urkundenbestellung', { tenant: 'halberstadt', accountId: owner, paid: 'KZ-DL-1' });
    anonymous = await insertSubmission(app, 'hundeabmeldung', { tenant: 'magdeburg' });
  });
  afterAll(() => app.close());

  function expectPdfResponse(res: Awaited<ReturnType<Browser['get']>>, reference: string) {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="antrag-${reference}.pdf"; filename*=UTF-8''antrag-${reference}.pdf`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }

  it('receipt: the session that may view the receipt downloads the PDF', async () => {
    const browser = new Browser(app.app);
    await browser.get(`/test/grant/${s.reference}`);
    const res = await browser.get(receiptPdf('halberstadt', 'urkundenbestellung', s.reference));
    expectPdfResponse(res, s.reference);
    expect((await extractPdf(new Uint8Array(res.rawPayload))).text).toContain(s.reference);
  });

  it('receipt: another session, another tenant, another assistant or an unknown reference get 404', async () => {
    const stranger = new Browser(app.app);
    expect((await stranger.get(receiptPdf('halberstadt', 'urkundenbestellung', s.reference))).statusCode).toBe(404);
    const granted = new Browser(app.app);
    await granted.get(`/test/grant/${s.reference}`);
    expect((await granted.get(receiptPdf('magdeburg', 'urkundenbestellung', s.reference))).statusCode).toBe(404);
    expect((await granted.get(receiptPdf('halberstadt', 'hundeabmeldung', s.reference))).statusCode).toBe(404);
    expect((await granted.get(receiptPdf('keine-stadt', 'urkundenbestellung', s.reference))).statusCode).toBe(404);
    await granted.get('/test/grant/HBS-ZZZZ-ZZZZ');
    expect((await granted.get(receiptPdf('halberstadt', 'urkundenbestellung', 'HBS-ZZZZ-ZZZZ'))).statusCode).toBe(404);
    // A grant for one reference does not open another one.
    expect((await granted.get(receiptPdf('magdeburg', 'hundeabmeldung', anonymous.reference))).statusCode).toBe(404);
  });

  it('Mein Konto: the owning account downloads the PDF', async () => {
    const browser = new Browser(app.app);
    await browser.get(`/test/login/${owner}`);
    expectPdfResponse(await browser.get(`/konto/antraege/${s.reference}/antrag.pdf`), s.reference);
  });

  it('Mein Konto: another account, no login, an anonymous submission or nonsense get 404', async () => {
    const other = new Browser(app.app);
    await other.get(`/test/login/${stranger}`);
    expect((await other.get(`/konto/antraege/${s.reference}/antrag.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/konto/antraege/${anonymous.reference}/antrag.pdf`)).statusCode).toBe(404);
    const nobody = new Browser(app.app);
    expect((await nobody.get(`/konto/antraege/${s.reference}/antrag.pdf`)).statusCode).toBe(404);
    // The receipt grant alone does not open the account route.
    await nobody.get(`/test/grant/${s.reference}`);
    expect((await nobody.get(`/konto/antraege/${s.reference}/antrag.pdf`)).statusCode).toBe(404);
    const owned = new Browser(app.app);
    await owned.get(`/test/login/${owner}`);
    expect((await owned.get(`/konto/antraege/${anonymous.reference}/antrag.pdf`)).statusCode).toBe(404);
    expect((await owned.get("/konto/antraege/'%20or%201=1/antrag.pdf")).statusCode).toBe(404);
  });
});
