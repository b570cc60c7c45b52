import { mechanismScopeOf, type SessionUser } from '@shared/auth.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import { rewound } from '@shared/polygon.js';
import type { Incident } from '@shared/incidents/contract.js';
import {
  sarOutcomes,
  type AssetBody,
  type CloseSarBody,
  type OpenSarBody,
  type ProgressBody,
  type SarOperation,
  type SarSummary,
  type SectorBody,
  type SectorUpdateBody,
  type TeamBody,
} from '@shared/sar/contract.js';
import { sarAudience } from '@shared/sar/events.js';
import { sarWriteRefusal } from '@shared/sar/rules.js';
import type { SarTimelineData } from '@shared/sar/timeline.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { type Executor, type Tx, readAll } from '@server/core/db.js';
import { AppError, invalidField } from '@server/core/errors.js';
import type { IncidentsApi } from '@server/features/incidents/index.js';
import * as repo from './repository.js';

export interface SarDependencies {
  db: Executor;
  changes: Changes;
  incidents: IncidentsApi;
  clock: Clock;
}

const noOperation = () => new AppError(404, 'sar_none', bilingual('sarError.none'));

/** What one change did: its timeline entry (`data.change` says which change), and its audit record's subject. */
interface Step {
  text: string | null;
  data: SarTimelineData;
  audit: { entity: string; entityId: string; before?: unknown; after: unknown };
  /** Operation columns the step sets besides the version. */
  operation?: Partial<repo.OperationRow>;
}

/**
 * Search-and-rescue operations on an incident (Plan of Action V: "search and rescue
 * coordination"; Plan I: "operational plans for search and rescue in dangerous areas").
 * Every change writes the incident's timeline, the audit trail and `sar.updated` in one
 * transaction; both sides see it live.
 */
export class SarService {
  constructor(private readonly deps: SarDependencies) {}

  /**
   * The incident's operation as the API shows it; null when it has none — most incidents
   * never need one, so that is an ordinary answer, not an error (the incident page asks every time).
   */
  async get(user: SessionUser, incidentId: string): Promise<SarOperation | null> {
    const { db } = this.deps;
    await this.deps.incidents.authorised(db, user, incidentId, 'sar.read');
    const row = await repo.findOperation(db, incidentId);
    return row ? this.present(db, row) : null;
  }

  /** Opens the operation: one per incident, never on a closed incident. It inherits the incident's exercise flag. */
  async open(user: SessionUser, incidentId: string, body: OpenSarBody): Promise<SarOperation> {
    const { changes, incidents, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const incident = await incidents.authorised(tx, user, incidentId, 'sar.coordinate', true);
      if (sarWriteRefusal(null, incident.status))
        throw new AppError(409, 'incident_closed', bilingual('sarError.incidentClosed'));
      if (await repo.findOperation(tx, incidentId, true))
        throw new AppError(409, 'sar_exists', bilingual('sarError.exists'));
      const now = clock.now();
      const row = await repo.insertOperation(tx, {
        incidentId,
        mechanismId: incident.mechanismId,
        exercise: incident.exercise,
        status: 'open',
        openedBy: user.displayName,
        openedAt: now,
        version: 1,
      });
      return this.record(tx, record, user, incident, row, now, {
        text: body?.note ?? null,
        data: { change: 'opened', ...(incident.exercise ? { exercise: true } : {}) },
        audit: { entity: 'sar_operation', entityId: row.id, after: row },
      });
    });
  }

  addTeam(user: SessionUser, incidentId: string, body: TeamBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (tx, operation, now) => {
      const team = await repo.insertTeam(tx, {
        operationId: operation.id,
        kind: body.kind,
        side: body.side,
        name: body.name,
        contact: body.contact ?? null,
        addedAt: now,
      });
      return {
        text: team.name,
        data: { change: 'team', kind: team.kind, side: team.side },
        audit: { entity: 'sar_team', entityId: team.id, after: team },
      };
    });
  }

  addAsset(user: SessionUser, incidentId: string, body: AssetBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (tx, operation, now) => {
      await this.checkTeam(tx, operation.id, body.teamId);
      const asset = await repo.insertAsset(tx, {
        operationId: operation.id,
        kind: body.kind,
        description: body.description,
        teamId: body.teamId ?? null,
        addedAt: now,
      });
      return {
        text: asset.description,
        data: { change: 'asset', kind: asset.kind },
        audit: { entity: 'sar_asset', entityId: asset.id, after: asset },
      };
    });
  }

  addSector(user: SessionUser, incidentId: string, body: SectorBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (tx, operation, now) => {
      await this.checkTeam(tx, operation.id, body.teamId);
      const sector = await repo.insertSector(tx, {
        operationId: operation.id,
        name: body.name,
        // Stored by the right-hand rule (RFC 7946), however it was drawn or pasted.
        polygon: rewound(body.polygon),
        status: 'assigned',
        teamId: body.teamId ?? null,
        updatedAt: now,
        updatedBy: user.displayName,
      });
      return {
        text: null,
        data: { change: 'sector', sector: sector.name, status: sector.status },
        audit: { entity: 'sar_sector', entityId: sector.id, after: sector },
      };
    });
  }

  updateSector(user: SessionUser, incidentId: string, sectorId: string, body: SectorUpdateBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (tx, operation, now) => {
      const before = await repo.findSector(tx, operation.id, sectorId);
      if (!before) throw new AppError(404, 'not_found', bilingual('sarError.sectorNotFound'));
      if (body.teamId) await this.checkTeam(tx, operation.id, body.teamId);
      const after = await repo.updateSector(tx, sectorId, {
        ...(body.status ? { status: body.status } : {}),
        ...(body.teamId !== undefined ? { teamId: body.teamId } : {}),
        updatedAt: now,
        updatedBy: user.displayName,
      });
      return {
        text: null,
        data: { change: 'sectorStatus', sector: after.name, from: before.status, to: after.status },
        audit: { entity: 'sar_sector', entityId: sectorId, before, after },
      };
    });
  }

  logProgress(user: SessionUser, incidentId: string, body: ProgressBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (_tx, operation) => ({
      text: body.note,
      data: { change: 'progress' },
      audit: { entity: 'sar_operation', entityId: operation.id, after: { note: body.note } },
    }));
  }

  /** Closes with the outcome; a closed operation is the record and no longer changes. */
  close(user: SessionUser, incidentId: string, body: CloseSarBody): Promise<SarOperation> {
    return this.change(user, incidentId, async (_tx, operation, now) => {
      const closed = {
        status: 'closed' as const,
        outcome: body.outcome,
        outcomeNote: body.note ?? null,
        closedBy: user.displayName,
        closedAt: now,
      };
      return {
        text: body.note ?? null,
        data: { change: 'closed', outcome: body.outcome },
        audit: { entity: 'sar_operation', entityId: operation.id, before: operation, after: closed },
        operation: closed,
      };
    });
  }

  /**
   * Operations opened in the period in the user's scope, by outcome — the search-and-rescue
   * statistic. Exercises (drills) are left out.
   */
  async summary(user: SessionUser, from: string | null, to: string | null): Promise<SarSummary> {
    const rows = await repo.summaryCounts(this.deps.db, {
      mechanismId: mechanismScopeOf(user),
      from: from ? new Date(from) : null,
      to: to ? new Date(to) : null,
    });
    const byOutcome = Object.fromEntries(sarOutcomes.map((o) => [o, 0])) as SarSummary['byOutcome'];
    let operations = 0;
    let open = 0;
    for (const row of rows) {
      operations += row.n;
      if (row.status === 'open') open += row.n;
      if (row.outcome) byOutcome[row.outcome] += row.n;
    }
    return { from, to, operations, open, byOutcome };
  }

  /** One change to an open operation of an open incident, by an officer in its mechanism's scope. */
  private change(
    user: SessionUser,
    incidentId: string,
    work: (tx: Tx, operation: repo.OperationRow, now: Date) => Promise<Step>,
  ): Promise<SarOperation> {
    const { changes, incidents, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const incident = await incidents.authorised(tx, user, incidentId, 'sar.coordinate', true);
      const operation = await repo.findOperation(tx, incidentId, true);
      if (!operation) throw noOperation();
      const refusal = sarWriteRefusal(operation, incident.status);
      if (refusal === 'incidentClosed')
        throw new AppError(409, 'incident_closed', bilingual('sarError.incidentClosed'));
      if (refusal === 'operationClosed') throw new AppError(409, 'sar_closed', bilingual('sarError.operationClosed'));
      const now = clock.now();
      const step = await work(tx, operation, now);
      const after = await repo.updateOperation(tx, operation.id, { ...step.operation, version: operation.version + 1 });
      return this.record(tx, record, user, incident, after, now, step);
    });
  }

  /** The step's timeline entry, audit row and `sar.updated` event, in the change's transaction. */
  private async record(
    tx: Tx,
    record: ChangeRecorder,
    user: SessionUser,
    incident: Incident,
    row: repo.OperationRow,
    now: Date,
    step: Step,
  ): Promise<SarOperation> {
    await this.deps.incidents.appendTimeline(tx, incident.id, { by: user.displayName, at: now }, [
      { kind: 'sar', text: step.text, data: step.data },
    ]);
    const operation = await this.present(tx, row);
    record.audit({ action: `sar.${step.data.change}`, ...step.audit });
    record.event(
      'sar.updated',
      { incidentId: incident.id, operationId: row.id, change: step.data.change, operation },
      sarAudience(incident),
    );
    return operation;
  }

  private async checkTeam(db: Executor, operationId: string, teamId: string | undefined): Promise<void> {
    if (teamId && !(await repo.teamExists(db, operationId, teamId)))
      throw invalidField('teamId', ref('sarError.unknownTeam'));
  }

  private async present(db: Executor, row: repo.OperationRow): Promise<SarOperation> {
    const [parts, timeline] = await readAll(
      db,
      () => repo.partsOf(db, row.id),
      () => this.deps.incidents.timelineOf(db, row.incidentId, 'sar'),
    );
    return {
      id: row.id,
      incidentId: row.incidentId,
      mechanismId: row.mechanismId,
      exercise: row.exercise,
      status: row.status,
      outcome: row.outcome,
      outcomeNote: row.outcomeNote,
      openedBy: row.openedBy,
      openedAt: row.openedAt.toISOString(),
      closedBy: row.closedBy,
      closedAt: row.closedAt?.toISOString() ?? null,
      version: row.version,
      ...parts,
      log: timeline,
    };
  }
}
