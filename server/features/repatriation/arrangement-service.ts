import { randomUUID } from 'node:crypto';
import { everyone } from '@shared/audience.js';
import type { SessionUser } from '@shared/auth.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import type { Arrangement, ArrangementBody, UpdateArrangementBody } from '@shared/repatriation/contract.js';
import { portName } from '@shared/repatriation/engine.js';
import { actorOf } from '@server/core/access.js';
import type { Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor } from '@server/core/db.js';
import { AppError, invalidField, notFound } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { versionConflict } from './conflicts.js';
import * as repo from './repository.js';

export interface ArrangementDependencies {
  db: Executor;
  /** Changes that the checks' snapshots follow (`CheckService.following`). */
  changes: Changes;
  geography: GeographyApi;
  clock: Clock;
}

/** Postgres unique_violation, wherever the driver put it. */
function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: string; cause?: { code?: string } };
  return code === '23505' || cause?.code === '23505';
}

/**
 * Local repatriation arrangements (Plan of Action VI: "local arrangements"): the ports each
 * covers, its weekly windows, notice and capacity. A port belongs to one arrangement at most;
 * edits are guarded by `version`; every change is audited and announced to everyone.
 */
export class ArrangementService {
  constructor(private readonly deps: ArrangementDependencies) {}

  list(): Promise<Arrangement[]> {
    return repo.listArrangements(this.deps.db);
  }

  async get(id: string): Promise<Arrangement> {
    const found = await repo.findArrangement(this.deps.db, id);
    if (!found) throw notFound();
    return found;
  }

  async create(user: SessionUser, body: ArrangementBody): Promise<Arrangement> {
    const { changes, clock } = this.deps;
    const id = randomUUID();
    return this.portsTakenMeanwhile(body, null, () =>
      changes.run(actorOf(user), async (tx, record) => {
        await this.checkPorts(tx, body, null);
        await repo.insertArrangement(tx, id, body, clock.now());
        const created = (await repo.findArrangement(tx, id))!;
        record.audit({ action: 'arrangement.create', entity: 'arrangement', entityId: id, after: created });
        record.event('repatriation.arrangement', { arrangementId: id, arrangement: created }, everyone);
        return created;
      }),
    );
  }

  async update(user: SessionUser, id: string, body: UpdateArrangementBody): Promise<Arrangement> {
    const { changes, clock, geography } = this.deps;
    return this.portsTakenMeanwhile(body, id, () =>
      changes.run(actorOf(user), async (tx, record) => {
        const locked = await repo.lockArrangement(tx, id);
        if (!locked) throw notFound();
        const before = (await repo.findArrangement(tx, id))!;
        if (locked.version !== body.version) throw versionConflict(before);
        await this.checkPorts(tx, body, id);
        // A port with movements still planned under this arrangement can't leave it: they'd lose their rules.
        const planned = await repo.plannedMovementsByPort(tx, id);
        const ports = await geography.ports(tx);
        for (const portId of before.portIds) {
          const count = planned.get(portId) ?? 0;
          if (count === 0 || body.portIds.includes(portId)) continue;
          const port = ports.find((p) => p.id === portId);
          throw invalidField(
            'portIds',
            ref('repatriationError.portHasMovements', { port: port ? portName(port) : portId, count }),
          );
        }
        await repo.replaceArrangement(tx, id, body, locked.version + 1, clock.now());
        const after = (await repo.findArrangement(tx, id))!;
        record.audit({ action: 'arrangement.update', entity: 'arrangement', entityId: id, before, after });
        record.event('repatriation.arrangement', { arrangementId: id, arrangement: after }, everyone);
        return after;
      }),
    );
  }

  /**
   * Refuses (409) while movements are still planned under the arrangement: cancelling them
   * silently would leave both sides expecting people no one sends. Received and cancelled
   * movements keep their history with no arrangement.
   */
  async delete(user: SessionUser, id: string): Promise<void> {
    await this.deps.changes.run(actorOf(user), async (tx, record) => {
      if (!(await repo.lockArrangement(tx, id))) throw notFound();
      const before = (await repo.findArrangement(tx, id))!;
      const count = [...(await repo.plannedMovementsByPort(tx, id)).values()].reduce((a, b) => a + b, 0);
      if (count > 0) {
        throw new AppError(
          409,
          'arrangement_has_movements',
          bilingual('repatriationError.arrangementHasMovements', { count }),
          { extra: { plannedMovements: count } },
        );
      }
      await repo.deleteArrangement(tx, id);
      record.audit({ action: 'arrangement.delete', entity: 'arrangement', entityId: id, before });
      record.event('repatriation.arrangement', { arrangementId: id, arrangement: null }, everyone);
    });
  }

  /** 400 for a port that does not exist, 409 for one that belongs to another arrangement. */
  private async checkPorts(db: Executor, body: ArrangementBody, self: string | null): Promise<void> {
    const ports = new Map((await this.deps.geography.ports(db)).map((p) => [p.id, p]));
    body.portIds.forEach((portId, index) => {
      if (!ports.has(portId))
        throw invalidField(`portIds.${index}`, ref('repatriationError.unknownPort', { port: portId }));
    });
    const fields = (await repo.portOwners(db, body.portIds, self)).map((owner) => ({
      path: `portIds.${body.portIds.indexOf(owner.portId)}`,
      message: bilingual('repatriationError.portInOtherArrangement', {
        port: portName(ports.get(owner.portId)!),
        arrangement: owner.name,
      }),
    }));
    if (fields.length > 0) throw new AppError(409, 'port_in_other_arrangement', fields[0]!.message, { fields });
  }

  /** Two edits claiming the same port at once: the unique constraint stops the second; answer it as the check would. */
  private async portsTakenMeanwhile<T>(body: ArrangementBody, self: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.checkPorts(this.deps.db, body, self);
      throw error;
    }
  }
}
