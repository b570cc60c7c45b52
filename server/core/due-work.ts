import fp from 'fastify-plugin';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { SetAsideReason } from '@shared/due-work/contract.js';
import { dueWorkKinds } from '@shared/due-work/catalogue.js';
import type { DueWorkKindSpec } from '@shared/due-work/define.js';
import { dueWorkAudience } from '@shared/due-work/events.js';
import type { Clock } from '@server/core/clock.js';
import { runChange, systemActor, type ChangeRecorder } from '@server/core/changes.js';
import type { Db, Tx } from '@server/core/db.js';
import { dueWork } from '@server/db/schema/due-work.js';

export type DueWork = typeof dueWork.$inferSelect;

/** A catalogue of kinds (the console's, or a test's); written over its own keys so each entry is known to be there. */
type Catalogue<C> = { readonly [K in keyof C]: DueWorkKindSpec };
type Kind<C extends Catalogue<C>> = keyof C & string;
type PayloadIn<C extends Catalogue<C>, K extends Kind<C>> = z.input<C[K]['payload']>;
type PayloadOut<C extends Catalogue<C>, K extends Kind<C>> = z.output<C[K]['payload']>;

/** A row to add: its kind names the catalogue entry its payload must match (optional when no field is required). */
export type NewDueWork<C extends Catalogue<C> = typeof dueWorkKinds> = {
  [K in Kind<C>]: { kind: K; subjectId: string; dueAt: Date } & (Record<never, never> extends PayloadIn<C, K>
    ? { payload?: PayloadIn<C, K> }
    : { payload: PayloadIn<C, K> });
}[Kind<C>];

/**
 * What a handler gets: the claiming transaction and its recorder, so the handler's writes,
 * audit rows and events commit together with the row being marked done — or not at all —
 * and the row with its payload parsed by its kind's schema.
 */
export interface DueWorkContext<P = Record<string, unknown>> {
  tx: Tx;
  record: ChangeRecorder;
  work: Omit<DueWork, 'payload'> & { payload: P };
  now: Date;
}
export type DueWorkHandler<P = Record<string, unknown>> = (context: DueWorkContext<P>) => Promise<void>;

/** What features see of the runner: they register handlers for their kinds and schedule rows. */
export interface DueWorkApi<C extends Catalogue<C> = typeof dueWorkKinds> {
  register<K extends Kind<C>>(kind: K, handler: DueWorkHandler<PayloadOut<C, K>>): void;
  /** Adds a row to the change that needs it: the work exists exactly when that change commits. */
  schedule(record: ChangeRecorder, work: NewDueWork<C>): void;
}

export interface DueWorkOptions<C extends Catalogue<C>> {
  /** The kinds there are and their payloads (the console's: shared/due-work/catalogue.ts). */
  kinds: C;
  pollMs: number;
  /** Runs per row, the first included; after the last one fails the row is set aside. */
  maxAttempts: number;
  /** `failure` is absent when the runner itself failed (the database unreachable, say). */
  onError(error: unknown, failure?: { work: DueWork; setAside: boolean }): void;
}

/** A failed run is retried later, backing off to at most an hour. */
const retryDelayMinutes = (attempts: number) => Math.min(2 ** attempts, 60);

/** A row whose payload its kind's schema refuses: running it again can't help. */
class UnreadablePayload extends Error {
  constructor(kind: string, error: z.ZodError) {
    super(`payload of "${kind}" does not parse: ${z.prettifyError(error)}`);
  }
}

/**
 * Runs work when it falls due: rows with a due time, claimed `FOR UPDATE SKIP LOCKED` one
 * per transaction, so with any number of instances each row runs exactly once, and a row
 * that fell due while every instance was down runs on the first tick after. Every
 * instance ticks on an interval; the timers themselves are rows. A row that fails on its
 * last allowed attempt, or whose payload doesn't parse, is set aside (dead-lettered) with
 * its last error until an administrator retries it (server/features/due-work).
 */
export class DueWorkRunner<C extends Catalogue<C> = typeof dueWorkKinds> implements DueWorkApi<C> {
  private readonly handlers = new Map<string, DueWorkHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** The pass queued behind the running one, if any. */
  private next: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: DueWorkOptions<C>,
  ) {}

  register<K extends Kind<C>>(kind: K, handler: DueWorkHandler<PayloadOut<C, K>>): void {
    if (this.handlers.has(kind)) throw new Error(`due work "${kind}" has a handler already`);
    const schema = this.payloadOf(kind);
    this.handlers.set(kind, async ({ work, ...context }) => {
      const payload = schema.safeParse(work.payload);
      if (!payload.success) throw new UnreadablePayload(kind, payload.error);
      await handler({ ...context, work: { ...work, payload: payload.data } });
    });
  }

  schedule(record: ChangeRecorder, work: NewDueWork<C>): void {
    // A payload its schema refuses is a programming error: fail the change that schedules it, not a run later.
    const payload = this.payloadOf(work.kind).parse(work.payload ?? {});
    record.insert(dueWork, { kind: work.kind, subjectId: work.subjectId, dueAt: work.dueAt, payload });
  }

  private payloadOf<K extends Kind<C>>(kind: K): C[K]['payload'] {
    return this.options.kinds[kind].payload;
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
          .where(
            and(
              isNull(dueWork.doneAt),
              isNull(dueWork.setAsideAt),
              lte(dueWork.dueAt, now),
              inArray(dueWork.kind, kinds),
            ),
          )
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
      await this.failed(claimed, error);
      return 'failed';
    }
  }

  /** The run rolled back: count the attempt, then retry later or, when no retry can help, set the row aside. */
  private async failed(claimed: DueWork, error: unknown): Promise<void> {
    const setAside = await runChange(this.db, systemActor, async (tx, record) => {
      // Locked again: another instance may have claimed and run it since the rollback.
      const [work] = await tx
        .select()
        .from(dueWork)
        .where(and(eq(dueWork.id, claimed.id), isNull(dueWork.doneAt), isNull(dueWork.setAsideAt)))
        .for('update');
      if (!work) return false;
      const now = this.clock.now();
      const attempts = work.attempts + 1;
      const reason: SetAsideReason | null =
        error instanceof UnreadablePayload ? 'payload' : attempts >= this.options.maxAttempts ? 'attempts' : null;
      const retry = { dueAt: new Date(now.getTime() + retryDelayMinutes(work.attempts) * 60_000) };
      const [row] = await tx
        .update(dueWork)
        .set({ attempts, lastError: String(error), ...(reason ? { setAsideAt: now, setAsideReason: reason } : retry) })
        .where(eq(dueWork.id, work.id))
        .returning();
      if (!reason || !row) return false;
      const { id: workId, kind, subjectId } = row;
      record.audit({ action: 'due-work.set-aside', entity: 'due_work', entityId: workId, after: row });
      record.event('due-work.set-aside', { workId, kind, subjectId }, dueWorkAudience);
      return true;
    });
    this.options.onError(error, { work: claimed, setAside });
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
      kinds: dueWorkKinds,
      pollMs: app.config.dueWorkPollMs,
      maxAttempts: app.config.dueWorkMaxAttempts,
      onError: (error, failure) => {
        const work = failure && { id: failure.work.id, kind: failure.work.kind, subjectId: failure.work.subjectId };
        app.log.error({ err: error, dueWork: work }, failure?.setAside ? 'due work set aside' : 'due work');
      },
    });
    app.decorate('dueWork', runner);
    app.addHook('onReady', async () => runner.start());
    app.addHook('preClose', () => runner.stop());
  },
  { name: 'due-work', dependencies: ['db', 'clock', 'config'] },
);
