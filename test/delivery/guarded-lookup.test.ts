import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutboundUrl, type ResolveHost } from '../../src/platform/net/check-outbound-url.ts';
import { createGuardedLookup } from '../../src/platform/net/guarded-lookup.ts';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

function get(host: string, lookup: ReturnType<typeof createGuardedLookup>): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host, port, path: '/', lookup }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('guarded lookup: the connection is pinned to checked addresses (DNS rebinding)', () => {
  it('refuses at connect time when the name now resolves to loopback, although the save-time check passed', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const rebinding: ResolveHost = async () => answers.shift() ?? [];
    expect(await checkOutboundUrl('https://rebind.example.de/', { resolve: rebinding })).toMatchObject({ ok: true });
    await expect(get('rebind.example.de', createGuardedLookup({ resolve: rebinding }))).rejects.toMatchObject({
      code: 'ESSRFBLOCKED',
    });
  });

  it('IP literals never reach a lookup (Node connects directly), so the URL check is what refuses them', async () => {
    expect(await get('127.0.0.1', createGuardedLookup())).toBe(200);
    expect(await checkOutboundUrl(`http://127.0.0.1:${port}/`, { allowHttp: true })).toMatchObject({ ok: false });
  });

  it('connects to an allow-listed internal host', async () => {
    const resolve: ResolveHost = async () => ['127.0.0.1'];
    expect(await get('dms.stadt.internal', createGuardedLookup({ resolve, allowHosts: ['dms.stadt.internal'] }))).toBe(
      200,
    );
  });
});
