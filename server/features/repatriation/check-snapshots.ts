import type { Arrangement, CheckBody } from '@shared/repatriation/contract.js';
import { checkRange, sameKind, type PlannedMovement } from '@shared/repatriation/engine.js';
import type { Executor } from '@server/core/db.js';
import * as repo from './repository.js';

/** How far before now a snapshot reaches: a check's range starts two days before its instant. */
const SNAPSHOT_PAST_MS = 3 * 24 * 3_600_000;

interface Snapshot {
  generation: number;
  loadedAt: number;
  since: number;
  arrangement: Arrangement | null;
  movements: repo.SnapshotMovement[];
}

/**
 * What `POST /check` reads, kept per port between changes: the check is the feature's hot path
 * (answered as an officer types) and reads the same arrangement and movements each time.
 *
 * A change made here calls `changed()` after it commits; a snapshot loaded meanwhile carries the
 * older generation and is not used. Another instance's changes are seen within `ttlMs`: the
 * check only advises, and planning or rescheduling decides again inside its transaction on what
 * the database holds. A check before the snapshot's reach reads the database.
 */
export class CheckSnapshots {
  private generation = 0;
  private readonly byPort = new Map<string, Promise<Snapshot>>();

  constructor(
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  changed(): void {
    this.generation++;
    this.byPort.clear();
  }

  /** The engine's arrangement and movements for this request, or null when the snapshot doesn't reach back that far. */
  async read(
    request: Pick<CheckBody, 'portId' | 'at' | 'persons' | 'exercise'>,
  ): Promise<{ arrangement: Arrangement | null; movements: PlannedMovement[] } | null> {
    const range = checkRange(request.at);
    const [from, to] = [Date.parse(range.from), Date.parse(range.to)];
    const snapshot = await this.snapshot(request.portId);
    if (from < snapshot.since) return null;
    const ports = new Set(snapshot.arrangement?.portIds);
    const families = new Set(repo.familyIdsOf(request.persons));
    // The snapshot holds both kinds; a request reads its own (as `movementsForCheck` does in SQL).
    const movements = snapshot.movements.filter(
      (m) =>
        sameKind(m, request) &&
        ((ports.has(m.portId) && m.atMs >= from && m.atMs < to) ||
          (m.status === 'planned' && m.familyIds.some((f) => families.has(f)))),
    );
    return { arrangement: snapshot.arrangement, movements };
  }

  private async snapshot(portId: string): Promise<Snapshot> {
    for (;;) {
      const kept = this.byPort.get(portId);
      if (!kept) return this.startLoading(portId);
      const snapshot = await kept;
      if (snapshot.generation === this.generation && this.now() - snapshot.loadedAt <= this.ttlMs) return snapshot;
      // Stale: the first request to notice reloads; the others wait for that load.
      if (this.byPort.get(portId) === kept) return this.startLoading(portId);
    }
  }

  private startLoading(portId: string): Promise<Snapshot> {
    const loading = this.load(portId);
    this.byPort.set(portId, loading);
    loading.catch(() => {
      if (this.byPort.get(portId) === loading) this.byPort.delete(portId);
    });
    return loading;
  }

  private async load(portId: string): Promise<Snapshot> {
    const generation = this.generation;
    const loadedAt = this.now();
    const since = loadedAt - SNAPSHOT_PAST_MS;
    const [arrangement, movements] = await Promise.all([
      repo.arrangementOfPort(this.db, portId),
      repo.movementsForChecksSince(this.db, portId, new Date(since)),
    ]);
    return { generation, loadedAt, since, arrangement, movements };
  }
}
