import fp from 'fastify-plugin';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Clock } from '@server/core/clock.js';
import { runChange, systemActor, type ChangeRecorder } from '@server/core/changes.js';
import type { Db, Executor, Tx } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';

export type DueWork = typeof dueWork.$inferSelect;

export interface NewDueWork {
  kind: string;
  subjectId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/**
 * What a handler gets: the claiming transaction and its recorder, so the handler's writes,
 * audit rows and events commit together with the row being marked done — or not at all.
 */
export interface DueWorkContext {
  tx: Tx;
  record: ChangeRecorder;
  work: DueWork;
  now: Date;
}
export type DueWorkHandler = (context: DueWorkContext) => Promise<void>;

/** What features see of the runner: they register handlers for their kinds and schedule rows. */
export interface DueWorkApi {
  register(kind: string, handler: DueWorkHandler): void;
  /** Adds a row in the caller's transaction: the work exists exactly when the change that needs it commits. */
  schedule(tx: Executor, work: NewDueWork): Promise<void>;
}

/** A failed run is retried later, backing off to at most an hour. */
const retryDelayMinutes = (attempts: number) => Math.min(2 ** attempts, 60);

/**
 * Runs work when it falls due: rows with a due time, claimed `FOR UPDATE SKIP LOCKED` one
 * per transaction, so with any number of instances each row runs exactly once, and a row
 * that fell due while every instance was down runs on the first tick after. Every
 * instance ticks on an interval; the timers themselves are rows.
 */
export class DueWorkRunner implements DueWorkApi {
  private readonly handlers = new Map<string, DueWorkHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** The pass queued behind the running one, if any. */
  private next: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** `work` is absent when the runner itself failed (the database unreachable, say). */
    private readonly options: { pollMs: number; onError(error: unknown, work?: DueWork): void },
  ) {}

  register(kind: string, handler: DueWorkHandler): void {
    if (this.handlers.has(kind)) throw new Error(`due work "${kind}" has a handler already`);
    this.handlers.set(kind, handler);
  }

  async schedule(tx: Executor, work: NewDueWork): Promise<void> {
    await tx.insert(dueWork).values({ ...work, payload: work.payload ?? {} });
  }

  start(): void {
    const tick = () => void this.tick().catch((error: unknown) => this.options.onError(error));
    this.timer = setInterval(tick, this.options.pollMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await (this.next ?? this.running)?.catch(() => {});
  }

  /**
   * Runs everything due now; resolves to how many rows ran. Single-flight per instance: a
   * call during a pass gets one more pass after it (shared by every such call), since the
   * pass in flight may have looked before the caller's work fell due.
   */
  tick(): Promise<number> {
    if (this.next) return this.next;
    if (!this.running) return this.pass();
    return (this.next = this.running
      .catch(() => 0)
      .then(() => {
        this.next = null;
        return this.pass();
      }));
  }

  private pass(): Promise<number> {
    this.running = (async () => {
      try {
        let ran = 0;
        for (;;) {
          const outcome = await this.runOne();
          if (outcome === 'none') return ran;
          if (outcome === 'ran') ran++;
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async runOne(): Promise<'ran' | 'failed' | 'none'> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 'none';
    let claimed: DueWork | undefined;
    try {
      return await runChange(this.db, systemActor, async (tx, record) => {
        const now = this.clock.now();
        // Only kinds this instance can run: during a rolling deploy, an older instance leaves new kinds alone.
        [claimed] = await tx
          .select()
          .from(dueWork)
          .where(and(isNull(dueWork.doneAt), lte(dueWork.dueAt, now), inArray(dueWork.kind, kinds)))
          .orderBy(asc(dueWork.dueAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!claimed) return 'none';
        await this.handlers.get(claimed.kind)!({ tx, record, work: claimed, now });
        await tx.update(dueWork).set({ doneAt: now }).where(eq(dueWork.id, claimed.id));
        return 'ran';
      });
    } catch (error) {
      if (!claimed) throw error;
      this.options.onError(error, claimed);
      const retryAt = new Date(this.clock.now().getTime() + retryDelayMinutes(claimed.attempts) * 60_000);
      await this.db
        .update(dueWork)
        .set({ attempts: sql`${dueWork.attempts} + 1`, lastError: String(error), dueAt: retryAt })
        .where(and(eq(dueWork.id, claimed.id), isNull(dueWork.doneAt)));
      return 'failed';
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    dueWork: DueWorkRunner;
  }
}

export const dueWorkPlugin = fp(
  async (app) => {
    const runner = new DueWorkRunner(app.db, app.clock, {
      pollMs: app.config.dueWorkPollMs,
      onError: (error, work) =>
        app.log.error(
          { err: error, dueWork: work && { id: work.id, kind: work.kind, subjectId: work.subjectId } },
          'due work',
        ),
    });
    app.decorate('dueWork', runner);
    app.addHook('onReady', async () => runner.start());
    app.addHook('preClose', () => runner.stop());
  },
  { name: 'due-work', dependencies: ['db', 'clock', 'config'] },
);
