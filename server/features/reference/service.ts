import type { SessionUser } from '@shared/auth.js';
import type { Port, PortStatusBody, PortStatusChange, Source, Station } from '@shared/reference/contract.js';
import type { Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { readAll, type Executor } from '@server/core/db.js';
import { notFound } from '@server/core/errors.js';
import { setPortStatus } from './port-status.js';
import * as repo from './repository.js';

export interface ReferenceDependencies {
  db: Executor;
  changes: Changes;
  clock: Clock;
  /** Called after a port's status changes (the cached geography describes places by their ports). */
  changed: () => void;
}

/** The reference data the map and the forms read, and the one thing in it that changes in operation: a port's status. */
export class ReferenceService {
  constructor(private readonly deps: ReferenceDependencies) {}

  ports(): Promise<Port[]> {
    return repo.listPorts(this.deps.db);
  }

  async portStatusHistory(portId: string): Promise<PortStatusChange[]> {
    const { db } = this.deps;
    const [known, changes] = await readAll(
      db,
      () => repo.findPort(db, portId),
      () => repo.listPortStatusChanges(db, portId),
    );
    if (!known) throw notFound();
    return changes;
  }

  async setPortStatus(user: SessionUser, portId: string, body: PortStatusBody): Promise<Port> {
    const port = await setPortStatus(this.deps, user, portId, body);
    this.deps.changed();
    return port;
  }

  stations(): Promise<Station[]> {
    return repo.listStations(this.deps.db);
  }

  sources(): Promise<Source[]> {
    return repo.listSources(this.deps.db);
  }
}
