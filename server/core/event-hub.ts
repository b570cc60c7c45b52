import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { and, asc, gt, lte, max, sql, type SQL } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { audienceIncludes } from '@shared/audience.js';
import { inMechanismScope, type SessionUser } from '@shared/auth.js';
import { clientMessage, type ServerMessage } from '@shared/events.js';
import type { Database } from '@server/core/db.js';
import { forbidden } from '@server/core/errors.js';
import { events } from '@server/db/schema/events.js';

const BATCH = 500;
/** How soon to look again at a hole whose writers are still running. */
const HOLE_RETRY_MS = 10;

/** Transactions holding a write lock on this database's `events` table. */
const writersOfEvents = sql.raw(`pg_locks where locktype = 'relation' and mode = 'RowExclusiveLock' and granted
  and relation = 'events'::regclass and database = (select oid from pg_database where datname = current_database())`);

async function rowsOf<T>(database: Database, query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface Subscriber {
  socket: WebSocket;
  user: SessionUser;
  sessionId: string;
  /** Highest seq this client has been considered for (sent, or not visible to it); starts at its hello. */
  cursor: number;
  state: 'connected' | 'replaying' | 'live';
}

type EventRow = typeof events.$inferSelect;

interface HubOptions {
  /** Backstop poll of the log, for notifications that never came. */
  pollMs: number;
  /** How often open sockets' sessions are checked against the database. */
  sessionCheckMs: number;
  activeSessions(ids: string[]): Promise<Set<string>>;
  onError(error: unknown): void;
}

/**
 * Fans the `events` outbox out to this instance's websocket clients. Woken by NOTIFY and,
 * as a backstop, by a slow poll: a lost notification delays an event, never drops it.
 * Every instance reads the same log, so a client of any instance sees every change.
 *
 * `seq` is taken at insert but becomes visible at commit, so concurrent writers can make
 * seq 7 visible before seq 6. The hub delivers strictly in `seq` order and stops at such a
 * hole until every transaction that was running when it saw the hole has ended; then the
 * hole is either filled or (rolled back) empty for good. `head` is the end of the settled
 * prefix: everything up to it has been delivered, and nothing below it can still appear.
 */
export class EventHub {
  private head = 0;
  private readonly subscribers = new Set<Subscriber>();
  private pumping: Promise<void> | null = null;
  private hole: { after: number; writers: string[] } | null = null;
  private retry: NodeJS.Timeout | null = null;
  private pumpAgain = false;
  private stopListening: (() => Promise<void>) | null = null;
  private poll: NodeJS.Timeout | null = null;
  private sessionCheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly options: HubOptions,
  ) {}

  async start(): Promise<void> {
    this.head = await this.database.db.transaction(async (tx) => {
      // SHARE mode waits for writers in flight and holds new ones back for this instant, so
      // nothing below the head read here can still appear: the head starts settled.
      await tx.execute(sql`lock table events in share mode`);
      const [row] = await tx.select({ head: max(events.seq) }).from(events);
      return row?.head ?? 0;
    });
    this.stopListening = await this.database.listen('events', () => this.wake());
    this.poll = setInterval(() => this.wake(), this.options.pollMs);
    this.poll.unref();
    this.sessionCheck = setInterval(
      () => void this.closeEndedSessions().catch(this.options.onError),
      this.options.sessionCheckMs,
    );
    this.sessionCheck.unref();
  }

  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    if (this.sessionCheck) clearInterval(this.sessionCheck);
    if (this.retry) clearTimeout(this.retry);
    await this.stopListening?.();
    await this.pumping;
    for (const s of this.subscribers) s.socket.close(1001, 'server shutting down');
  }

  /** Reads everything committed since the last pump; coalesces wake-ups that arrive meanwhile. */
  wake(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.pumpAgain = false;
        try {
          await this.pump();
        } catch (error) {
          this.options.onError(error);
        }
      } while (this.pumpAgain);
      this.pumping = null;
    })();
    return this.pumping;
  }

  private async pump(): Promise<void> {
    for (;;) {
      let rows = await this.read(this.head);
      if (rows.length === 0) return;
      if (rows[0]!.seq !== this.head + 1) {
        if (!(await this.holeSettled())) return;
        rows = await this.read(this.head);
        if (rows.length === 0) return;
      }
      // Deliver the contiguous run; a later hole is settled on the next round.
      for (const row of rows) {
        if (row.seq !== this.head + 1 && row !== rows[0]) break;
        const message = serialise(row);
        for (const s of this.subscribers) {
          if (s.state === 'live' && row.seq > s.cursor) this.deliver(s, row, message);
        }
        this.head = row.seq;
      }
      if (rows.length < BATCH && this.head === rows.at(-1)!.seq) return;
    }
  }

  /**
   * Whether every transaction that was writing `events` when the hole after `head` was
   * first seen has ended. A writer holds its lock on the table from before it takes a
   * `seq` until it commits or rolls back, so those lock holders are exactly the ones
   * that can still fill the hole; unrelated long transactions don't hold events back.
   */
  private async holeSettled(): Promise<boolean> {
    if (this.hole?.after !== this.head) {
      const [row] = await rowsOf<{ writers: string[] }>(
        this.database,
        sql`select coalesce(array_agg(virtualtransaction), '{}') as writers from ${writersOfEvents}`,
      );
      this.hole = { after: this.head, writers: row!.writers };
    }
    const [row] = await rowsOf<{ running: boolean }>(
      this.database,
      sql`select exists (select 1 from ${writersOfEvents} and virtualtransaction = any(string_to_array(${this.hole.writers.join(',')}, ','))) as running`,
    );
    if (!row!.running) {
      this.hole = null;
      return true;
    }
    this.retry ??= setTimeout(() => {
      this.retry = null;
      void this.wake();
    }, HOLE_RETRY_MS);
    return false;
  }

  attach(socket: WebSocket, user: SessionUser, sessionId: string): void {
    const subscriber: Subscriber = { socket, user, sessionId, cursor: this.head, state: 'connected' };
    this.subscribers.add(subscriber);
    socket.on('close', () => this.subscribers.delete(subscriber));
    socket.on('message', (raw) => {
      let parsed: ReturnType<typeof clientMessage.safeParse>;
      try {
        parsed = clientMessage.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = clientMessage.safeParse(undefined);
      }
      if (!parsed.success || subscriber.state !== 'connected') {
        send(socket, {
          type: 'error',
          message: parsed.success ? 'already subscribed' : 'expected {"type":"subscribe","since"?:number}',
        });
        return;
      }
      void this.subscribe(subscriber, parsed.data.since).catch((error) => {
        this.options.onError(error);
        socket.close(1011, 'replay failed');
      });
    });
    send(socket, { type: 'hello', seq: this.head });
  }

  /**
   * Replays what the client missed, then hands it to the live pump without a gap or a
   * repeat. Without `since`, the client gets everything after the `hello` it was sent.
   */
  private async subscribe(s: Subscriber, since: number | undefined): Promise<void> {
    s.state = 'replaying';
    if (since !== undefined) s.cursor = since;
    for (;;) {
      // Never past `head`: beyond it a hole may still be filled, and the pump delivers in order.
      const upTo = this.head;
      const rows = await this.read(s.cursor, upTo);
      for (const row of rows) this.deliver(s, row, serialise(row));
      if (rows.length < BATCH) s.cursor = Math.max(s.cursor, upTo);
      // Synchronous from here: no pump can interleave between this check and going live.
      if (s.cursor >= this.head) {
        s.state = 'live';
        return;
      }
    }
  }

  /** Closes the sockets of a session that signed out here. */
  dropSession(sessionId: string): void {
    for (const s of this.subscribers) if (s.sessionId === sessionId) s.socket.close(4001, 'signed out');
  }

  /** Closes sockets whose session ended elsewhere: signed out on another instance, or expired. */
  async closeEndedSessions(): Promise<void> {
    const ids = [...new Set([...this.subscribers].map((s) => s.sessionId))];
    const active = await this.options.activeSessions(ids);
    for (const id of ids) if (!active.has(id)) this.dropSession(id);
  }

  get clientCount(): number {
    return this.subscribers.size;
  }

  /** The seq after which delivery waits for writers of `events` still open, or null when nothing is held back. */
  get heldBackAfter(): number | null {
    return this.hole?.after ?? null;
  }

  private deliver(s: Subscriber, row: EventRow, message: string): void {
    s.cursor = row.seq;
    if (reaches(s.user, row) && s.socket.readyState === s.socket.OPEN) s.socket.send(message);
  }

  private read(after: number, upTo?: number): Promise<EventRow[]> {
    const range = upTo === undefined ? gt(events.seq, after) : and(gt(events.seq, after), lte(events.seq, upTo));
    return this.database.db.select().from(events).where(range).orderBy(asc(events.seq)).limit(BATCH);
  }
}

/** Live delivery and replay ask the same question: the row's audience, or, for rows from before audiences, its mechanism's scope. */
function reaches(user: SessionUser, row: EventRow): boolean {
  return row.audience ? audienceIncludes(user, row.audience) : inMechanismScope(user, row.mechanismId);
}

function serialise(row: EventRow): string {
  return JSON.stringify({ type: 'event', seq: row.seq, kind: row.kind, data: row.data });
}

function send(socket: WebSocket, message: ServerMessage): void {
  socket.send(JSON.stringify(message));
}

declare module 'fastify' {
  interface FastifyInstance {
    eventHub: EventHub;
  }
}

export const eventHubPlugin = fp<{ pollMs: number; sessionCheckMs: number }>(
  async (app, { pollMs, sessionCheckMs }) => {
    const hub = new EventHub(app.database, {
      pollMs,
      sessionCheckMs,
      activeSessions: (ids) => app.activeSessions(ids),
      onError: (error) => app.log.error({ err: error }, 'event hub'),
    });
    app.decorate('eventHub', hub);
    app.addHook('onReady', () => hub.start());
    app.addHook('preClose', () => hub.stop());

    // The session check runs in the access plugin's onRequest hook, before the upgrade. A
    // browser sends Origin with the handshake: refuse pages of other sites (socket hijacking).
    const sameOrigin = async (request: FastifyRequest) => {
      const origin = request.headers.origin;
      if (origin && URL.parse(origin)?.host !== request.headers.host) throw forbidden();
    };
    app.get(
      '/ws',
      { websocket: true, onRequest: sameOrigin, config: { permission: 'live.subscribe' }, schema: { hide: true } },
      (socket, request) => {
        hub.attach(socket, request.user!, request.sessionId!);
      },
    );
  },
  { name: 'event-hub', dependencies: ['db', 'access'] },
);
