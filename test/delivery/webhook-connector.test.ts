import { describe, expect, it } from 'vitest';
import { createWebhookConnector } from '../../src/modules/delivery/webhook/webhook-connector.ts';
import { OutboundUrlRefusedError } from '../../src/platform/net/guarded-fetch.ts';
import { PluginRegistry } from '../../src/platform/plugins/registry.ts';

const resolve = async (host: string) => (host === 'fv.example.de' ? ['203.0.114.10'] : ['10.1.2.3']);
const secret = 'x'.repeat(32);

describe('webhook connector plug-in', () => {
  const connector = createWebhookConnector({ resolve, allowHosts: ['dms.intern'] });

  it('registers in a plug-in registry and validates its options', () => {
    const registry = new PluginRegistry('delivery connector', false).register(connector);
    expect(registry.parseOptions('webhook', { url: 'https://fv.example.de/hook', secret })).toEqual({
      ok: true,
      options: { url: 'https://fv.example.de/hook', secret, timeoutMs: 10_000 },
    });
    const bad = registry.parseOptions('webhook', { url: 'nope', secret: 'short' });
    expect(bad.ok).toBe(false);
    expect(connector.formatVersion).toBe('sac.submission.v1');
  });

  it('checkConfig refuses a target that resolves to a private address at save time', async () => {
    expect(await connector.checkConfig({ url: 'https://fv.example.de/hook', secret, timeoutMs: 10_000 })).toEqual({
      ok: true,
      problems: [],
    });
    const refused = await connector.checkConfig({ url: 'https://intern.example.de/hook', secret, timeoutMs: 10_000 });
    expect(refused).toEqual({ ok: false, problems: [expect.stringMatching(/10\.1\.2\.3 \(private\)/)] });
    expect((await connector.checkConfig({ url: 'https://dms.intern/hook', secret, timeoutMs: 10_000 })).ok).toBe(true);
  });

  it('isRetryable follows classifyResponse', () => {
    expect(
      connector.isRetryable(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    ).toBe(true);
    expect(connector.isRetryable(new OutboundUrlRefusedError('forbidden_address', 'x'))).toBe(false);
  });
});
