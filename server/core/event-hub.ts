import fp from 'fastify-plugin';
import { and, asc, eq, gt, lte, max, sql } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { audienceIncludes } from '@shared/audience.js';
import { inMechanismScope, type SessionUser } from '@shared/auth.js';
import { clientMessage, liveCloseCodes, type ServerMessage } from '@shared/events.js';
import { rowsOf, type Database, type Executor } from '@server/core/db.js';
import { events } from '@server/db/schema/events.js';
import { sessions } from '@server/db/schema/users.js';

const BATCH = 500;
/** How soon to look again at a hole whose writers are still running. */
const HOLE_RETRY_MS = 10;
/** What one socket may have waiting to be sent: past it, the socket is a reader that stays behind. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** A replay sends its next page only once the socket has drained below this. */
const REPLAY_LOW_WATER_BYTES = 64 << 10;
/** How long a replay waits for a socket to drain before it lets the socket go. */
const REPLAY_DRAIN_TIMEOUT_MS = 30_000;

/** Transactions holding a write lock on this database's `events` table. */
const writersOfEvents = sql.raw(`pg_locks where locktype = 'relation' and mode = 'RowExclusiveLock' and granted
  and relation = 'events'::regclass and database = (select oid from pg_database where datname = current_database())`);

interface Subscriber {
  socket: WebSocket;
  user: SessionUser;
  sessionId: string;
  /** Highest seq this client has been considered for (sent, or not visible to it); starts at its hello. */
  cursor: number;
  state: 'connected' | 'replaying' | 'live';
}

export type EventRow = typeof events.$inferSelect;

interface HubOptions {
  /** Backstop poll of the log, for notifications that never came. */
  pollMs: number;
  /** How often open sockets' sessions are checked against the database. */
  sessionCheckMs: number;
  activeSessions(ids: string[]): Promise<Set<string>>;
  /** A client further behind than this many events is reset instead of replayed. */
  replayLimit: number;
  /** The app's clock: sessions expire by it. */
  now(): Date;
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
  private readonly readers = new Set<(event: EventRow) => void>();
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
    const unlistenEvents = await this.database.listen('events', () => this.wake());
    const unlistenSessions = await this.database.listen(SESSIONS_CHANNEL, (sessionId) => this.dropSession(sessionId));
    this.stopListening = async () => {
      await unlistenEvents();
      await unlistenSessions();
    };
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
        // Encoded once for every socket: ws then writes the same bytes behind each frame header.
        const message = serialise(row);
        for (const s of this.subscribers) {
          if (s.state === 'live' && row.seq > s.cursor) this.deliver(s, row, message, MAX_BUFFERED_BYTES);
        }
        for (const read of this.readers) {
          try {
            read(row);
          } catch (error) {
            this.options.onError(error);
          }
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
        this.database.db,
        sql`select coalesce(array_agg(virtualtransaction), '{}') as writers from ${writersOfEvents}`,
      );
      this.hole = { after: this.head, writers: row!.writers };
    }
    const [row] = await rowsOf<{ running: boolean }>(
      this.database.db,
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

  /**
   * A reader of every event in this process, once each and in order, whichever instance wrote
   * it (a cache that drops what an event changed). Returns how to stop reading.
   */
  onEvent(read: (event: EventRow) => void): () => void {
    this.readers.add(read);
    return () => void this.readers.delete(read);
  }

  /** Takes a signed-in socket until its session ends at `expiresAt` (or sooner, signed out). */
  attach(socket: WebSocket, user: SessionUser, sessionId: string, expiresAt: Date): void {
    const subscriber: Subscriber = { socket, user, sessionId, cursor: this.head, state: 'connected' };
    this.subscribers.add(subscriber);
    const expiry = setTimeout(
      () => this.drop(subscriber, liveCloseCodes.sessionEnded, 'session expired'),
      Math.min(Math.max(0, expiresAt.getTime() - this.options.now().getTime()), 2 ** 31 - 1),
    );
    expiry.unref();
    socket.on('close', () => {
      clearTimeout(expiry);
      this.subscribers.delete(subscriber);
    });
    // A socket's own trouble (a reset connection) is that socket's: logged, never thrown.
    socket.on('error', (error) => {
      this.options.onError(error);
      this.drop(subscriber, 1011, 'socket error');
    });
    socket.on('message', (raw) => {
      if (!this.subscribers.has(subscriber)) return; // let go already
      let parsed: ReturnType<typeof clientMessage.safeParse>;
      try {
        parsed = clientMessage.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = clientMessage.safeParse(undefined);
      }
      if (!parsed.success || subscriber.state !== 'connected') {
        this.send(subscriber, {
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
    this.send(subscriber, { type: 'hello', seq: this.head });
  }

  /**
   * Replays what the client missed, then hands it to the live pump without a gap or a
   * repeat. Without `since`, the client gets everything after the `hello` it was sent.
   */
  private async subscribe(s: Subscriber, since: number | undefined): Promise<void> {
    s.state = 'replaying';
    if (since !== undefined) {
      s.cursor = since;
      if (await this.cannotReplayFrom(since)) {
        // Synchronous from the head read to going live, as below.
        s.cursor = this.head;
        s.state = 'live';
        this.send(s, { type: 'reset', seq: s.cursor });
        return;
      }
    }
    for (;;) {
      // Never past `head`: beyond it a hole may still be filled, and the pump delivers in order.
      const upTo = this.head;
      const rows = await this.read(s.cursor, upTo);
      // A page is sent whole (a replay fills the buffer on purpose), then waits for the socket to drain.
      for (const row of rows) this.deliver(s, row, serialise(row), Infinity);
      if (rows.length < BATCH) s.cursor = Math.max(s.cursor, upTo);
      if (!(await drained(s.socket))) {
        this.drop(s, liveCloseCodes.resume, 'not reading: resume from your last seq');
        return;
      }
      // Synchronous from here: no pump can interleave between this check and going live.
      if (s.cursor >= this.head) {
        s.state = 'live';
        return;
      }
    }
  }

  /**
   * Whether `since` is one the log can't replay from: ahead of everything committed (another
   * database, a restore), or so far behind that refetching is cheaper than replaying.
   */
  private async cannotReplayFrom(since: number): Promise<boolean> {
    if (this.head - since > this.options.replayLimit) return true;
    if (since <= this.head) return false;
    // Another instance may be a little ahead of this one's head: only past the log's end is it a reset.
    const [row] = await this.database.db.select({ last: max(events.seq) }).from(events);
    return since > (row?.last ?? 0);
  }

  /** Closes the sockets of a session that ended: signed out on any instance (NOTIFY), or expired. */
  dropSession(sessionId: string): void {
    for (const s of this.subscribers)
      if (s.sessionId === sessionId) this.drop(s, liveCloseCodes.sessionEnded, 'signed out');
  }

  /** Lets a socket go: it no longer receives anything, whatever state its connection is in. */
  private drop(s: Subscriber, code: number, reason: string): void {
    this.subscribers.delete(s);
    try {
      s.socket.close(code, reason);
    } catch {
      s.socket.terminate();
    }
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

  /**
   * Sends one event to one socket, isolated from every other: a socket that throws, has no
   * user or is closed is logged and let go; one with more than `maxBuffered` bytes waiting is
   * a reader that stays behind, told to resume from its last seq. Nobody else waits for either.
   */
  private deliver(s: Subscriber, row: EventRow, message: Buffer, maxBuffered: number): void {
    s.cursor = row.seq;
    try {
      if (s.socket.readyState !== s.socket.OPEN) return;
      if (!reaches(s.user, row)) return;
      if (s.socket.bufferedAmount > maxBuffered) {
        this.drop(s, liveCloseCodes.resume, 'behind: resume from your last seq');
        return;
      }
      s.socket.send(message, { binary: false });
    } catch (error) {
      this.options.onError(error);
      this.drop(s, 1011, 'delivery failed');
    }
  }

  /** A protocol message to one socket; like `deliver`, a socket that throws is let go. */
  private send(s: Subscriber, message: ServerMessage): void {
    try {
      s.socket.send(JSON.stringify(message));
    } catch (error) {
      this.options.onError(error);
      this.drop(s, 1011, 'send failed');
    }
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

/** Resolves true once the socket has sent what it had waiting (below the low-water mark), false if it won't. */
async function drained(socket: WebSocket): Promise<boolean> {
  const started = Date.now();
  while (socket.bufferedAmount > REPLAY_LOW_WATER_BYTES) {
    if (socket.readyState !== socket.OPEN || Date.now() - started > REPLAY_DRAIN_TIMEOUT_MS) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return socket.readyState === socket.OPEN;
}

/** NOTIFY channel on which a signed-out session's id reaches every instance's hub at once. */
export const SESSIONS_CHANNEL = 'sessions_ended';

/** Announces, on commit of `tx`, that a session ended: every instance closes its sockets. */
export async function announceSessionEnded(tx: Executor, sessionId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${SESSIONS_CHANNEL}, ${sessionId})`);
}

/** An event's message as UTF-8 bytes, sent as a text frame (ws sends a Buffer as binary unless told). */
function serialise(row: EventRow): Buffer {
  return Buffer.from(
    JSON.stringify({ type: 'event', seq: row.seq, kind: row.kind, data: row.data, actor: row.actorId }),
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    eventHub: EventHub;
  }
}

export const eventHubPlugin = fp<{ pollMs: number; sessionCheckMs: number; replayLimit: number }>(
  async (app, { pollMs, sessionCheckMs, replayLimit }) => {
    const hub = new EventHub(app.database, {
      pollMs,
      sessionCheckMs,
      replayLimit,
      now: () => app.clock.now(),
      activeSessions: (ids) => app.activeSessions(ids),
      onError: (error) => app.log.error({ err: error }, 'event hub'),
    });
    app.decorate('eventHub', hub);
    app.addHook('onReady', () => hub.start());
    app.addHook('preClose', () => hub.stop());

    // The session check runs in the access plugin's onRequest hook, before the upgrade, and
    // the request guard refuses handshakes from other sites' pages.
    app.get(
      '/ws',
      { websocket: true, config: { permission: 'live.subscribe' }, schema: { hide: true } },
      async (socket, request) => {
        const [session] = await app.db
          .select({ expiresAt: sessions.expiresAt })
          .from(sessions)
          .where(eq(sessions.id, request.sessionId!));
        if (!session) return socket.close(liveCloseCodes.sessionEnded, 'signed out');
        hub.attach(socket, request.user!, request.sessionId!, session.expiresAt);
      },
    );
  },
  { name: 'event-hub', dependencies: ['db', 'access'] },
);
