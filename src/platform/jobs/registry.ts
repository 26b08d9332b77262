import { type Backoff, type BackoffOptions, createBackoff } from './backoff.ts';
import { type EnqueueOptions, type EnqueueResult, type Executor, enqueue, type Job } from './queue.ts';

/** Thrown by a handler when retrying cannot help (bad payload, rejected for good): the job goes dead at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

export interface JobContext {
  job: Job;
  /** Aborted when the worker loses the lease or gives up waiting at shutdown: stop soon, do not commit. */
  signal: AbortSignal;
  /** The worker clock's time when the attempt started. */
  now: Date;
  /**
   * Marks the job done inside the handler's own transaction (compare-and-set on the lease), so that the
   * handler's last write and the job's completion commit together; the worker then records nothing more.
   * Throws `LeaseLostError` when another worker took the lease over, which rolls that transaction back.
   * Call it only in the transaction that commits right before the handler returns. Set by the worker.
   */
  completeWith?: (executor: Executor) => Promise<void>;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<void>;

export interface JobDefinitionOptions {
  /** Attempts before the job goes dead. Default 10. */
  maxAttempts?: number;
  /** A backoff function or options for `createBackoff`. Default: 1 min, 5 min, 30 min, 2 h, 12 h, then daily. */
  backoff?: Backoff | BackoffOptions;
}

/** A job kind with its handler and retry policy. `enqueue` fills in kind and max attempts. */
export interface JobDefinition<P = unknown> {
  readonly kind: string;
  readonly handler: JobHandler<P>;
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  enqueue(executor: Executor, payload: P, options?: Omit<EnqueueOptions, 'kind' | 'payload'>): Promise<EnqueueResult>;
}

export const defaultMaxAttempts = 10;

/** Declares a job kind. Register it with a `JobRegistry` so that workers run it. */
export function defineJob<P>(
  kind: string,
  handler: JobHandler<P>,
  options: JobDefinitionOptions = {},
): JobDefinition<P> {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`maxAttempts of job "${kind}" must be ≥ 1`);
  const backoff = typeof options.backoff === 'function' ? options.backoff : createBackoff(options.backoff);
  return {
    kind,
    handler,
    maxAttempts,
    backoff,
    enqueue: (executor, payload, rest = {}) => enqueue(executor, { maxAttempts, ...rest, kind, payload }),
  };
}

/** The job kinds a worker can run. */
export class JobRegistry {
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(definitions: Iterable<JobDefinition<never>> = []) {
    for (const definition of definitions) this.register(definition);
  }

  /** Adds a definition; a kind can only be registered once. */
  register<P>(definition: JobDefinition<P>): this {
    if (this.definitions.has(definition.kind)) throw new Error(`Job kind "${definition.kind}" is already registered`);
    this.definitions.set(definition.kind, definition as unknown as JobDefinition);
    return this;
  }

  /** Shorthand for `register(defineJob(…))`. */
  define<P>(kind: string, handler: JobHandler<P>, options?: JobDefinitionOptions): JobDefinition<P> {
    const definition = defineJob(kind, handler, options);
    this.register(definition);
    return definition;
  }

  get(kind: string): JobDefinition | undefined {
    return this.definitions.get(kind);
  }

  kinds(): string[] {
    return [...this.definitions.keys()];
  }
}
