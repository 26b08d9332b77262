import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Plugin, PluginRegistry } from './registry.ts';

const plugin = (id: string, demo = false): Plugin<{ url: string }> => ({
  id,
  label: id,
  demo,
  optionsSchema: z.object({ url: z.string().url() }),
  checkConfig: async () => ({ ok: true, problems: [] }),
});

describe('PluginRegistry', () => {
  it('rejects duplicate ids at registration', () => {
    const r = new PluginRegistry<Plugin<{ url: string }>>('connector', false).register(plugin('webhook'));
    expect(() => r.register(plugin('webhook'))).toThrow(/registered twice/);
  });

  it('leaves demo plug-ins out unless demo mode is on', () => {
    expect(new PluginRegistry('idp', false).register(plugin('demo-idp', true)).has('demo-idp')).toBe(false);
    expect(new PluginRegistry('idp', true).register(plugin('demo-idp', true)).has('demo-idp')).toBe(true);
  });

  it('names unknown plug-ins and option problems in plain words', () => {
    const r = new PluginRegistry<Plugin<{ url: string }>>('payment', false).register(plugin('xbezahldienste'));
    expect(() => r.get('paypal')).toThrow('Unknown payment plug-in "paypal"');
    const parsed = r.parseOptions('xbezahldienste', { url: 'nope' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatch(/^url: /);
  });
});
