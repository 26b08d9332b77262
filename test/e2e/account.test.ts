import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessageToCitizen } from '../../src/modules/account/inbox-api.ts';
import { decryptStatusCode } from '../../src/modules/submissions/status-code.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { login, offerTestAssistant, submitAs } from '../account/account-app.ts';
import { tinyPdf } from '../forms/multipart.ts';
import type { TestApp } from '../helpers/app.ts';
import { createListeningApp } from '../identity-oidc/oidc-app.ts';
import { checkA11y, launchChromium, openPage, tabUntil } from './harness.ts';

/**
 * Mein Konto, the mailbox and the status lookup in a real browser. Own server (SAC_BASE_URL = its real
 * address), because the demo SAML IdP posts the browser back to that address. The application and the
 * office's message are created in-process for the same account (Erika's pseudonym is stable).
 */
let t: TestApp;
let browser: Browser;
let reference: string;
let statusCode: string;
let messageId: string;
const url = (path: string) => `${t.config.baseUrl}${path}`;

beforeAll(async () => {
  t = await createListeningApp();
  const definition = await offerTestAssistant(t);
  const erika = await login(t, 'erika');
  const sub = await submitAs({ ...t, definition }, erika);
  reference = sub.reference;
  const row = await scoped(t.deps.database.db, sub.tenant_id)
    .selectFrom('submissions')
    .select('status_code')
    .where('id', '=', sub.id)
    .executeTakeFirstOrThrow();
  statusCode = decryptStatusCode(t.deps.cipher, row.status_code!, sub.id);
  ({ messageId } = await t.deps.database.db.transaction().execute((trx) =>
    postMessageToCitizen(trx, t.deps, {
      tenantId: sub.tenant_id,
      submissionId: sub.id,
      actor: 'staff:e2e',
      subject: 'Rückfrage zu Ihrem Antrag',
      body: 'Bitte senden Sie uns eine Kopie Ihres Ausweises.\nVielen Dank.',
      attachments: [{ filename: 'Hinweise.pdf', mimeType: 'application/pdf', content: tinyPdf }],
    }),
  ));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Logs Erika in through the demo IdP in a new browser context and lands on `/konto`. */
async function erikaInBrowser(): Promise<Page> {
  const page = await openPage(browser, url('/konto/anmelden?niveau=hoch&zurueck=%2Fkonto'));
  await page.getByRole('button', { name: 'Anmelden mit Demo-BundID (Testsystem)' }).click();
  await page.waitForURL(/\/demo\/idp\/sso$/);
  await page.getByRole('button', { name: 'Als Testperson anmelden' }).click();
  await page.waitForURL(url('/konto'));
  return page;
}

describe('Mein Konto in the browser', { timeout: 90_000 }, () => {
  it('overview, applications, detail, mailbox and message page have no axe violations', async () => {
    const page = await erikaInBrowser();
    expect(await page.textContent('h1')).toContain('Mein Konto');
    expect(await page.textContent('main')).toContain('1 ungelesene Nachricht');
    await checkA11y(page, '/konto');
    await page.goto(url('/konto/antraege'));
    expect(await page.textContent('main')).toContain(reference);
    await checkA11y(page, '/konto/antraege');
    await page.getByRole('link', { name: reference }).click();
    await page.waitForURL(url(`/konto/antraege/${reference}`));
    expect(await page.textContent('main')).toContain('Antrag eingereicht');
    await checkA11y(page, 'application detail');
    await page.goto(url('/konto/postfach'));
    await checkA11y(page, '/konto/postfach');
    await page.getByRole('link', { name: 'Rückfrage zu Ihrem Antrag' }).click();
    await page.waitForURL(url(`/konto/postfach/${messageId}`));
    expect(await page.textContent('main')).toContain('Kopie Ihres Ausweises');
    await checkA11y(page, 'message page');
    await page.context().close();
  });

  it('keyboard only: reply with an attachment; the error state is accessible too', async () => {
    const page = await erikaInBrowser();
    await page.goto(url(`/konto/postfach/${messageId}`));
    // First without text: the error summary gets focus and links to the field.
    const button = await tabUntil(page, (f) => f.tag === 'button' && f.text.includes('Antwort senden'));
    expect(button.indicator).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#fehlerliste');
    expect(await page.title()).toMatch(/^Fehler: /);
    await checkA11y(page, 'reply error state');
    const text = await tabUntil(page, (f) => f.tag === 'textarea' && f.id === 'antwort');
    expect(text.indicator).toBe(true);
    await page.keyboard.type('Anbei die Kopie meines Ausweises.');
    const files = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'anhaenge');
    expect(files.indicator).toBe(true);
    // The operating system's file dialog is outside the page; choose the file on the focused input.
    await page.setInputFiles('#anhaenge', { name: 'ausweis.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await tabUntil(page, (f) => f.tag === 'button' && f.text.includes('Antwort senden'));
    await page.keyboard.press('Enter');
    await page.waitForURL(url(`/konto/postfach/${messageId}?gesendet=1`));
    expect(await page.textContent('main')).toContain('Ihre Antwort wurde gesendet.');
    await page.goto(url(`/konto/antraege/${reference}`));
    expect(await page.textContent('main')).toContain('Ihre Antwort');
    await page.context().close();
  });

  it('the status lookup page and its result have no axe violations', async () => {
    const page = await openPage(browser, url('/magdeburg/status'));
    await checkA11y(page, 'status lookup');
    await page.fill('#vorgangsnummer', reference);
    await page.fill('#statuscode', 'FALSCH00');
    await page.getByRole('button', { name: 'Stand abfragen' }).click();
    await page.waitForSelector('#fehlerliste');
    await checkA11y(page, 'status lookup error');
    await page.fill('#statuscode', statusCode);
    await page.getByRole('button', { name: 'Stand abfragen' }).click();
    await page.waitForSelector('#ergebnis-titel');
    expect(await page.textContent('main')).toContain('Antrag eingereicht');
    await checkA11y(page, 'status lookup result');
    await page.context().close();
  });
});
