import type { SessionUser } from '@shared/auth.js';
import type { SetAsideWork } from '@shared/due-work/contract.js';
import { dueWorkAudience } from '@shared/due-work/events.js';
import { bilingual } from '@shared/i18n/index.js';
import { actorOf } from '@server/core/access.js';
import type { Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor } from '@server/core/db.js';
import { AppError } from '@server/core/errors.js';
import * as repo from './repository.js';

export interface DueWorkDependencies {
  db: Executor;
  changes: Changes;
  clock: Clock;
}

/**
 * Work set aside by the runner (server/core/due-work.ts), for administrators: what failed and
 * why, and a retry that puts it back in the queue — audited and announced like every change.
 */
export class DueWorkService {
  constructor(private readonly deps: DueWorkDependencies) {}

  setAside(): Promise<SetAsideWork[]> {
    return repo.listSetAside(this.deps.db);
  }

  /** Due now with its attempts counted afresh; the next tick of any instance runs it. */
  async retry(user: SessionUser, id: string): Promise<void> {
    const { changes, clock } = this.deps;
    await changes.run(actorOf(user), async (tx, record) => {
      const before = await repo.findSetAside(tx, id);
      if (!before) throw new AppError(404, 'not_found', bilingual('dueWorkError.notSetAside'));
      const after = await repo.requeue(tx, id, clock.now());
      record.audit({ action: 'due-work.retry', entity: 'due_work', entityId: id, before, after });
      record.event('due-work.retried', { workId: id, kind: after.kind, subjectId: after.subjectId }, dueWorkAudience);
    });
  }
}
