import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';

export interface SessionOptions {
  db: Kysely<DB>;
  clock: Clock;
  secure: boolean;
  idleMinutes: number;
  absoluteHours: number;
}

/** Server-side session state. Only a random token lives in the cookie; the table keeps its SHA-256. */
export class Session {
  dirty = false;
  destroyed = false;
  /** Set when the token changed (new session or regenerate) and the cookie must be (re)sent. */
  cookieChanged = false;
  previousHash: string | null = null;
  /** Whose session it is (e.g. `citizen:<account id>`); "log out everywhere" deletes all of a subject's. */
  subject: string | null = null;
  /** The last activity the server has stored (idle timeout counts from here). */
  lastSeenAt: Date;

  constructor(
    public token: string,
    public data: Record<string, unknown>,
    public createdAt: Date,
    public isNew: boolean,
  ) {
    this.lastSeenAt = createdAt;
  }

  get<T = unknown>(key: string): T | undefined {
    return this.data[key] as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.data[key] = value;
    this.dirty = true;
  }
  delete(key: string): void {
    delete this.data[key];
    this.dirty = true;
  }
  /** New token, same data: call at login, step-up and privilege change (session fixation, F-21). */
  regenerate(): void {
    this.previousHash ??= hashToken(this.token);
    this.token = newToken();
    this.cookieChanged = true;
    this.dirty = true;
  }
  /** Records activity now: the idle timeout starts again (the "Sitzung verlängern" button). */
  touch(): void {
    this.dirty = true;
  }
  /** Marks whose session this is; null makes it anonymous again. */
  setSubject(subject: string | null): void {
    this.subject = subject;
    this.dirty = true;
  }
  /** Removes the session server-side; the cookie is cleared. */
  destroy(): void {
    this.destroyed = true;
  }
  get idHash(): string {
    return hashToken(this.token);
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

declare module 'fastify' {
  interface FastifyRequest {
    /** Loads the session, creating a new (unsaved) one if there is none. */
    session(): Promise<Session>;
    /**
     * When the loaded session ends if the visitor does nothing (idle timeout, capped by the absolute
     * timeout); undefined when no session was loaded. A session written in this request counts as active now.
     */
    sessionEndsAt(): Date | undefined;
    /** Loads the session if the visitor has a valid one, without creating one. */
    existingSession(): Promise<Session | null>;
    sessionState: { loaded: boolean; session: Session | null };
  }
}

export function cookieName(secure: boolean): string {
  return secure ? '__Host-sac_session' : 'sac_session';
}

/** Registers lazy server-side sessions with idle and absolute timeouts (F-22). */
export function registerSessions(app: FastifyInstance, opts: SessionOptions): void {
  const name = cookieName(opts.secure);
  const idleMs = opts.idleMinutes * 60_000;
  const absoluteMs = opts.absoluteHours * 3_600_000;

  async function load(request: FastifyRequest): Promise<Session | null> {
    const state = request.sessionState;
    if (state.loaded) return state.session;
    state.loaded = true;
    const token = request.cookies[name];
    if (!token || token.length > 100) return null;
    const row = await opts.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', hashToken(token))
      .executeTakeFirst();
    const now = opts.clock.now().getTime();
    if (!row) return null;
    const expired = row.expires_at.getTime() <= now || row.last_seen_at.getTime() + idleMs <= now;
    if (expired) {
      await opts.db.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
      return null;
    }
    const session = new Session(token, (row.data ?? {}) as Record<string, unknown>, row.created_at, false);
    session.subject = row.subject ?? null;
    session.lastSeenAt = row.last_seen_at;
    // Touch at most once a minute so that reading pages does not write on every request.
    if (now - row.last_seen_at.getTime() > 60_000) session.dirty = true;
    state.session = session;
    return session;
  }

  app.decorateRequest('sessionState', null as never);
  app.decorateRequest('existingSession', function (this: FastifyRequest) {
    return load(this);
  });
  app.decorateRequest('session', async function (this: FastifyRequest) {
    const existing = await load(this);
    if (existing) return existing;
    const session = new Session(newToken(), {}, opts.clock.now(), true);
    session.cookieChanged = true;
    this.sessionState.session = session;
    return session;
  });
  app.decorateRequest('sessionEndsAt', function (this: FastifyRequest) {
    const session = this.sessionState?.session;
    if (!session || session.destroyed) return undefined;
    const lastActivity = session.dirty ? opts.clock.now().getTime() : session.lastSeenAt.getTime();
    return new Date(Math.min(lastActivity + idleMs, session.createdAt.getTime() + absoluteMs));
  });
  app.addHook('onRequest', async (request) => {
    request.sessionState = { loaded: false, session: null };
  });
  app.addHook('onSend', async (request, reply) => {
    const session = request.sessionState?.session;
    if (!session) return;
    await persist(session, reply);
  });

  async function persist(session: Session, reply: FastifyReply): Promise<void> {
    const now = opts.clock.now();
    if (session.destroyed) {
      const hashes = [session.idHash, session.previousHash].filter((h): h is string => !!h);
      await opts.db.deleteFrom('sessions').where('id_hash', 'in', hashes).execute();
      reply.clearCookie(name, { path: '/' });
      return;
    }
    if (!session.dirty) return;
    const expiresAt = new Date(session.createdAt.getTime() + absoluteMs);
    const data = JSON.stringify(session.data);
    // An existing session is only ever updated, never re-inserted: if a logout (here or on another
    // device) deleted it while this request ran, it stays deleted.
    const alive = await opts.db.transaction().execute(async (trx) => {
      if (!session.isNew && !session.previousHash) {
        const updated = await trx
          .updateTable('sessions')
          .set({ data, last_seen_at: now, subject: session.subject })
          .where('id_hash', '=', session.idHash)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) > 0;
      }
      if (session.previousHash) {
        const removed = await trx.deleteFrom('sessions').where('id_hash', '=', session.previousHash).executeTakeFirst();
        if (!session.isNew && Number(removed.numDeletedRows) === 0) return false;
      }
      await trx
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          data,
          created_at: session.createdAt,
          last_seen_at: now,
          expires_at: expiresAt,
          subject: session.subject,
        })
        .execute();
      return true;
    });
    if (!alive) {
      if (!session.isNew) reply.clearCookie(name, { path: '/' });
      return;
    }
    if (session.cookieChanged) {
      reply.setCookie(name, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secure,
        // A session cookie (no Max-Age): closing the browser ends it; the server enforces the timeouts.
      });
    }
  }
}

/** Deletes every server-side session of a subject ("Auf allen Geräten abmelden"); returns how many. */
export async function destroySessionsOf(db: Kysely<DB>, subject: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('subject', '=', subject).executeTakeFirst();
  return Number(result.numDeletedRows);
}
