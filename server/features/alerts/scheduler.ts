import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { AckDeadlines } from '@shared/incidents/contract.js';
import { runChange, systemActor } from '../../plugins/changes.js';
import { escalateDue } from './service.js';

/**
 * Every instance runs this loop; the timers themselves are alert rows with a deadline, so
 * an alert that fell due while every instance was down escalates on the first tick after.
 */
export class EscalationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly deadlines: AckDeadlines,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick().catch(this.onError), this.intervalMs);
    this.timer.unref();
    void this.tick().catch(this.onError);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
  }

  /** Escalates everything due now; returns how many alerts it handled. Single-flight per instance. */
  tick(): Promise<number> {
    this.running ??= (async () => {
      try {
        let handled = 0;
        for (;;) {
          const n = await runChange(this.db, systemActor, (tx, record) => escalateDue(tx, record, this.clock.now(), this.deadlines));
          handled += n;
          if (n === 0) return handled;
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
