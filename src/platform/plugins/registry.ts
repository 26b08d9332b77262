import type { z } from 'zod';

/** The result of a plug-in's self-check: plain-language problems an operator can act on. */
export interface ConfigCheck {
  ok: boolean;
  problems: string[];
}

/**
 * The one shape of every integration plug-in — identity providers, payment providers and delivery
 * connectors: an id, a label, a schema for its options, a self-check, and whether it is a demo
 * plug-in (only allowed with SAC_DEMO=1). Learn one, know all three.
 */
export interface Plugin<TOptions = unknown> {
  readonly id: string;
  readonly label: string;
  readonly optionsSchema: z.ZodType<TOptions>;
  /** Demo plug-ins are real implementations of the same contract, refused outside demo mode. */
  readonly demo: boolean;
  checkConfig(options: TOptions): Promise<ConfigCheck>;
}

export class PluginRegistryError extends Error {}

/** What the registry needs of any plug-in, whatever its options type. */
export type AnyPlugin = Pick<Plugin<unknown>, 'id' | 'label' | 'demo' | 'optionsSchema'>;

/** Plug-ins of one kind, by unique id. Duplicates and demo plug-ins outside demo mode fail at start. */
export class PluginRegistry<P extends AnyPlugin> {
  private readonly plugins = new Map<string, P>();

  constructor(
    readonly kind: string,
    private readonly demoMode: boolean,
  ) {}

  register(plugin: P): this {
    if (this.plugins.has(plugin.id))
      throw new PluginRegistryError(`${this.kind} plug-in "${plugin.id}" is registered twice`);
    if (plugin.demo && !this.demoMode) return this;
    this.plugins.set(plugin.id, plugin);
    return this;
  }

  get(id: string): P {
    const plugin = this.plugins.get(id);
    if (!plugin) throw new PluginRegistryError(`Unknown ${this.kind} plug-in "${id}"`);
    return plugin;
  }

  has(id: string): boolean {
    return this.plugins.has(id);
  }

  list(): P[] {
    return [...this.plugins.values()];
  }

  /** Validates raw options (from configuration or the database) with the plug-in's own schema. */
  parseOptions(id: string, raw: unknown): { ok: true; options: unknown } | { ok: false; problems: string[] } {
    const result = this.get(id).optionsSchema.safeParse(raw);
    if (result.success) return { ok: true, options: result.data };
    return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.') || '(options)'}: ${i.message}`) };
  }
}
