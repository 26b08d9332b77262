import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';

// F-32: application logs never contain form values, search terms, cookies or raw session ids.
describe('log hygiene', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      logger: createLogger('info', sink),
      extend(app) {
        app.get('/test/form', async (request, reply) =>
          reply.type('text/html').send(`<input name="_csrf" value="${await request.csrfToken()}">`),
        );
        app.post('/test/form', async (request) => {
          request.log.info({ body: request.body }, 'careless handler logs the body');
          throw new Error('Key (email)=(erika.mustermann@example.org) already exists');
        });
      },
    });
  });
  afterAll(() => t.close());

  it('logs requests without personal data or session tokens', async () => {
    const b = new Browser(t.app);
    await b.get('/magdeburg/leistungen?q=Erika%20Mustermann%20Geheimstra%C3%9Fe');
    const token = csrfFrom((await b.get('/test/form')).body);
    const res = await b.post('/test/form', { _csrf: token, name: 'Erika Mustermann', iban: 'DE89370400440532013000' });
    expect(res.statusCode).toBe(500);
    const log = lines.join('').toLowerCase();
    expect(log).toContain('"msg":"request"');
    expect(log).toContain('"route":"/test/form"');
    expect(log).toContain('request failed');
    for (const secret of [
      'Erika',
      'Mustermann',
      'Geheimstra',
      'DE89370400440532013000',
      token,
      b.cookies.get('sac_session')!,
    ]) {
      expect(log).not.toContain(secret.toLowerCase());
    }
  });
});
