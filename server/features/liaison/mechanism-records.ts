import type { SessionUser } from '@shared/auth.js';
import { coordinates } from '@shared/liaison/coordinators.js';
import { liaisonAudience, type RosterUpdated } from '@shared/liaison/events.js';
import { can } from '@shared/permissions.js';
import type { Mechanism } from '@shared/reference/contract.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor, Tx } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { forbidden, notFound, outOfScope } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import * as repo from './repository.js';

export const DAY_MS = 86_400_000;
/** Overrides and intended gaps that ended this long before an instant no longer affect who is on duty then (rotation.ts looks eight days around). */
const LOOKBACK_MS = 8 * DAY_MS;

/** Everything the liaison feature needs, handed in by its plugin (server/features/liaison/index.ts). */
export interface LiaisonDependencies {
  db: Executor;
  changes: Changes;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
}

/** A coordinator's change under way: its transaction and recorder, the mechanism it changes, its time. */
export interface MechanismChange {
  tx: Tx;
  record: ChangeRecorder;
  mechanism: Mechanism;
  now: Date;
}

/**
 * A kind of record a mechanism holds (a member, a contact, an override, an intended gap, a
 * meeting, a commitment), as the one change template writes it.
 */
export interface RecordKind<Body, Stored extends { id: string }, Answer = Stored> {
  /** Its audit actions: `liaison.<name>.create|update|delete`. */
  name: string;
  /** The table its audit rows name. */
  entity: string;
  store: repo.RecordStore<Body, Stored>;
  /** A roster record: every change to it is counted and announced as `roster.updated` naming it. */
  roster?: RosterUpdated['what'];
  /** What else a create or update announces, in the same transaction (a meeting's new time). */
  announce?(change: MechanismChange, before: Stored | null, after: Stored): void;
  /** What the API answers for the record written. */
  present(change: MechanismChange, stored: Stored): Answer | Promise<Answer>;
}
export type RemovableKind<Body, Stored extends { id: string }> = RecordKind<Body, Stored> & {
  store: repo.RemovableStore<Body, Stored>;
};

/** `present` of the kinds the API answers as stored. */
export const asStored = <Stored>(_change: MechanismChange, stored: Stored): Stored => stored;

/**
 * Reading a mechanism's roster, and the one way a coordinator changes what the mechanism
 * holds: in one transaction, the mechanism found (404) and the coordinator checked (403), the
 * record found in it (404), checked, written, audited and announced. A roster change also
 * counts a new roster version, which queues concurrent changes to one roster and retires the
 * coverage-gap warnings computed for the old one.
 */
export class MechanismRecords {
  constructor(private readonly deps: LiaisonDependencies) {}

  async mechanism(db: Executor, id: string): Promise<Mechanism> {
    const mechanism = await this.deps.geography.mechanism(db, id);
    if (!mechanism) throw notFound();
    return mechanism;
  }

  /** The rosters as they matter at `at`: overrides and intended gaps that ended before the look-back are left out. */
  rosters(db: Executor, mechanisms: readonly Mechanism[], at: string): Promise<Map<string, repo.StoredRoster>> {
    return repo.rostersOf(db, mechanisms, new Date(Date.parse(at) - LOOKBACK_MS));
  }

  async roster(db: Executor, mechanism: Mechanism, at: string): Promise<repo.StoredRoster> {
    return (await this.rosters(db, [mechanism], at)).get(mechanism.id)!;
  }

  /**
   * Runs a coordinator's change on mechanism `id` in one transaction: 404 for an unknown
   * mechanism, 403 unless the user coordinates it (shared/liaison/coordinators.ts).
   */
  run<T>(user: SessionUser, id: string, work: (change: MechanismChange) => Promise<T>): Promise<T> {
    return this.deps.changes.run(actorOf(user), async (tx, record) => {
      const mechanism = await this.mechanism(tx, id);
      if (!coordinates(user, id)) throw can(user, 'liaison.coordinate') ? outOfScope() : forbidden();
      return work({ tx, record, mechanism, now: this.deps.clock.now() });
    });
  }

  /** Adds a record of `kind`: `body` checks what was sent and says what to write. */
  create<Body, Stored extends { id: string }, Answer>(
    user: SessionUser,
    mechanismId: string,
    kind: RecordKind<Body, Stored, Answer>,
    body: (change: MechanismChange) => Body | Promise<Body>,
  ): Promise<Answer> {
    return this.run(user, mechanismId, async (change) => {
      const after = await kind.store.insert(change.tx, change.mechanism, await body(change));
      return this.written(change, kind, null, after);
    });
  }

  /** Changes record `id` of `kind`, 404 unless the mechanism holds it: `body` checks against what it was. */
  update<Body, Stored extends { id: string }, Answer>(
    user: SessionUser,
    mechanismId: string,
    kind: RecordKind<Body, Stored, Answer>,
    id: string,
    body: (change: MechanismChange, before: Stored) => Body | Promise<Body>,
  ): Promise<Answer> {
    return this.run(user, mechanismId, async (change) => {
      const before = await this.find(change, kind.store, id);
      const after = await kind.store.update(change.tx, change.mechanism, id, await body(change, before));
      return this.written(change, kind, before, after);
    });
  }

  /** Removes record `id` of `kind`, 404 unless the mechanism holds it. */
  async remove<Body, Stored extends { id: string }>(
    user: SessionUser,
    mechanismId: string,
    kind: RemovableKind<Body, Stored>,
    id: string,
  ): Promise<void> {
    await this.run(user, mechanismId, async (change) => {
      const before = await this.find(change, kind.store, id);
      await kind.store.remove(change.tx, id);
      await this.recorded(change, kind, 'delete', id, { before });
    });
  }

  /** A roster change: counted (retiring the old warning chain), a new chain started, announced. */
  async rosterChanged(change: MechanismChange, what: Pick<RosterUpdated, 'what' | 'id'>): Promise<void> {
    const { tx, record, mechanism, now } = change;
    const version = await repo.bumpRosterVersion(tx, mechanism.id, now);
    this.deps.dueWork.schedule(record, {
      kind: 'liaison.coverage-gap',
      subjectId: mechanism.id,
      dueAt: now,
      payload: { version },
    });
    record.event('roster.updated', { mechanismId: mechanism.id, ...what }, liaisonAudience(mechanism.id));
  }

  private async find<Stored extends { id: string }>(
    change: MechanismChange,
    store: repo.RecordStore<never, Stored>,
    id: string,
  ): Promise<Stored> {
    const found = await store.find(change.tx, change.mechanism, id);
    if (!found) throw notFound();
    return found;
  }

  private async written<Body, Stored extends { id: string }, Answer>(
    change: MechanismChange,
    kind: RecordKind<Body, Stored, Answer>,
    before: Stored | null,
    after: Stored,
  ): Promise<Answer> {
    await this.recorded(change, kind, before ? 'update' : 'create', after.id, before ? { before, after } : { after });
    kind.announce?.(change, before, after);
    return kind.present(change, after);
  }

  private async recorded(
    change: MechanismChange,
    kind: Pick<RecordKind<never, { id: string }>, 'name' | 'entity' | 'roster'>,
    operation: 'create' | 'update' | 'delete',
    id: string,
    states: { before?: unknown; after?: unknown },
  ): Promise<void> {
    change.record.audit({ action: `liaison.${kind.name}.${operation}`, entity: kind.entity, entityId: id, ...states });
    if (kind.roster) await this.rosterChanged(change, { what: kind.roster, id });
  }
}
