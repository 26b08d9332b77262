import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, type ResolveHost } from '../../src/platform/net/check-outbound-url.ts';
import { guardedFetch, OutboundUrlRefusedError } from '../../src/platform/net/guarded-fetch.ts';

/** A local DNS stub: no query leaves the machine. */
const zone: Record<string, string[]> = {
  'fachverfahren.example.de': ['203.0.114.10', '2a01:4f8::10'],
  'intern.example.de': ['10.20.30.40'],
  'rebind.example.de': ['93.184.216.34', '127.0.0.1'],
  'metadata.example.de': ['169.254.169.254'],
  'v6-ula.example.de': ['fd12:3456::1'],
  'dms.stadt.internal': ['192.168.10.5'],
};
const resolve: ResolveHost = async (host) => {
  const records = zone[host];
  if (!records) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return records;
};
const check = (url: string, options: Parameters<typeof checkOutboundUrl>[1] = {}) =>
  checkOutboundUrl(url, { resolve, ...options });

describe('SSRF guard: refused targets (F-27)', () => {
  it.each([
    ['https://127.0.0.1/hook', 'forbidden_address'],
    ['https://127.1.2.3/hook', 'forbidden_address'],
    ['https://0x7f000001/hook', 'forbidden_address'],
    ['https://localhost/hook', 'forbidden_address'],
    ['https://api.localhost/hook', 'forbidden_address'],
    ['https://10.0.0.5/hook', 'forbidden_address'],
    ['https://172.16.3.4/hook', 'forbidden_address'],
    ['https://172.31.255.255/hook', 'forbidden_address'],
    ['https://192.168.1.1/hook', 'forbidden_address'],
    ['https://169.254.169.254/latest/meta-data/', 'forbidden_address'],
    ['https://100.64.0.1/hook', 'forbidden_address'],
    ['https://0.0.0.0/hook', 'forbidden_address'],
    ['https://224.0.0.1/hook', 'forbidden_address'],
    ['https://255.255.255.255/hook', 'forbidden_address'],
    ['https://[::1]/hook', 'forbidden_address'],
    ['https://[::]/hook', 'forbidden_address'],
    ['https://[fd00::1]/hook', 'forbidden_address'],
    ['https://[fc00::1]/hook', 'forbidden_address'],
    ['https://[fe80::1]/hook', 'forbidden_address'],
    ['https://[ff02::1]/hook', 'forbidden_address'],
    ['https://[::ffff:127.0.0.1]/hook', 'forbidden_address'],
    ['https://[::ffff:a9fe:a9fe]/hook', 'forbidden_address'],
    ['https://[::ffff:10.0.0.1]/hook', 'forbidden_address'],
    ['https://[64:ff9b::a00:1]/hook', 'forbidden_address'],
    ['https://user:pw@fachverfahren.example.de/hook', 'credentials'],
    ['https://user@fachverfahren.example.de/hook', 'credentials'],
    ['ftp://fachverfahren.example.de/hook', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://fachverfahren.example.de/', 'scheme'],
    ['http://fachverfahren.example.de/hook', 'scheme'],
    ['not a url', 'invalid_url'],
    ['https://intern.example.de/hook', 'forbidden_address'],
    ['https://metadata.example.de/hook', 'forbidden_address'],
    ['https://v6-ula.example.de/hook', 'forbidden_address'],
    ['https://rebind.example.de/hook', 'forbidden_address'],
    ['https://unknown.example.de/hook', 'unresolvable'],
  ])('%s → %s', async (url, code) => {
    expect(await check(url)).toMatchObject({ ok: false, code });
  });

  it('names the address and the range in the reason', async () => {
    expect(await check('https://intern.example.de/')).toMatchObject({
      reason: 'intern.example.de resolves to 10.20.30.40 (private)',
    });
  });
});

describe('SSRF guard: allowed targets', () => {
  it('allows a public host when every record is public', async () => {
    expect(await check('https://fachverfahren.example.de/hook')).toMatchObject({
      ok: true,
      addresses: ['203.0.114.10', '2a01:4f8::10'],
      allowListed: false,
    });
    expect(await check('https://[2a00:1450:4001::1]/hook')).toMatchObject({ ok: true });
    expect(await check('https://8.8.8.8/hook')).toMatchObject({ ok: true });
  });

  it('allows plain http only when the operator says so', async () => {
    expect(await check('http://fachverfahren.example.de/hook', { allowHttp: true })).toMatchObject({ ok: true });
  });

  it('allows an internal host the operator allow-listed explicitly (and only that host)', async () => {
    const options = { allowHosts: ['DMS.Stadt.Internal.'] };
    expect(await check('https://dms.stadt.internal/hook', options)).toMatchObject({ ok: true, allowListed: true });
    expect(await check('https://intern.example.de/hook', options)).toMatchObject({ ok: false });
    expect(await check('https://[::1]:8443/hook', { allowHosts: ['::1'] })).toMatchObject({ ok: true });
  });

  it('does not let the allow-list bypass the scheme and credential rules', async () => {
    const options = { allowHosts: ['dms.stadt.internal'] };
    expect(await check('ftp://dms.stadt.internal/', options)).toMatchObject({ ok: false, code: 'scheme' });
    expect(await check('https://a:b@dms.stadt.internal/', options)).toMatchObject({ ok: false, code: 'credentials' });
  });
});

describe('guardedFetch', () => {
  it('refuses before any request is made', async () => {
    let called = false;
    const spy = (async () => {
      called = true;
      return new Response('');
    }) as typeof fetch;
    await expect(guardedFetch('https://169.254.169.254/', {}, { fetch: spy })).rejects.toBeInstanceOf(
      OutboundUrlRefusedError,
    );
    expect(called).toBe(false);
  });

  it('re-checks at call time: a name that now resolves internally is refused', async () => {
    const answers = [['93.184.216.34'], ['10.0.0.7']];
    const flipping: ResolveHost = async () => answers.shift() ?? [];
    expect(await checkOutboundUrl('https://flip.example.de/', { resolve: flipping })).toMatchObject({ ok: true });
    const spy = (async () => new Response('')) as typeof fetch;
    await expect(guardedFetch('https://flip.example.de/', {}, { resolve: flipping, fetch: spy })).rejects.toThrow(
      /10\.0\.0\.7/,
    );
  });

  it('always sets redirect: manual', async () => {
    let init: RequestInit | undefined;
    const spy = (async (_url: unknown, i?: RequestInit) => {
      init = i;
      return new Response('');
    }) as typeof fetch;
    await guardedFetch('https://8.8.8.8/', { redirect: 'follow' }, { fetch: spy });
    expect(init?.redirect).toBe('manual');
  });
});
