import type { SessionUser } from '@shared/auth.js';
import type { Checklist, ChecklistKind, IncidentChecklists } from '@shared/checklists/contract.js';
import { stepText, suggestedChecklists } from '@shared/checklists/rules.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import { incidentAudience } from '@shared/incidents/events.js';
import { isReadOnly } from '@shared/incidents/rules.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor } from '@server/core/db.js';
import { AppError, invalidField } from '@server/core/errors.js';
import type { Incident } from '@shared/incidents/contract.js';
import type { IncidentsApi } from '@server/features/incidents/index.js';
import * as repo from './repository.js';

const closed = () => new AppError(409, 'incident_closed', bilingual('checklistError.closed'));

/**
 * Checklists per emergency kind on an incident (Plan of Action V): started, ticked and
 * unticked by whoever may edit the incident. Every change is one transaction with the
 * incident locked: the tick or untick, the incident's timeline entry, the audit row and a
 * `checklist.updated` event to the incident's audience. Ticks are rows of their own, so two
 * officers ticking at once both land (the incident lock makes the second wait, then it reads
 * the first's tick too, and its event carries both).
 */
export class ChecklistService {
  constructor(private readonly deps: { db: Executor; changes: Changes; incidents: IncidentsApi; clock: Clock }) {}

  async list(user: SessionUser, incidentId: string): Promise<IncidentChecklists> {
    const { db } = this.deps;
    const incident = await this.deps.incidents.authorised(db, user, incidentId, 'incident.read');
    return {
      checklists: await repo.checklistsOf(db, incidentId),
      suggested: suggestedChecklists(incident.type),
      readOnlyReason: isReadOnly(incident.status) ? bilingual('checklistError.closed') : null,
    };
  }

  async start(user: SessionUser, incidentId: string, kind: ChecklistKind): Promise<Checklist> {
    const { changes, incidents, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const incident = await incidents.authorised(tx, user, incidentId, 'incident.edit', true);
      if (isReadOnly(incident.status)) throw closed();
      const now = clock.now();
      const id = await repo.insertChecklist(tx, {
        incidentId,
        kind,
        startedById: user.id,
        startedBy: user.displayName,
        startedAt: now,
      });
      if (!id) throw new AppError(409, 'checklist_started', bilingual('checklistError.alreadyStarted'));
      const checklist = (await repo.findChecklist(tx, incidentId, kind))!;
      record.audit({ action: 'checklist.start', entity: 'checklist', entityId: id, after: checklist });
      await this.announce(tx, record, incident, checklist, { stepId: null, done: null }, user, now);
      return checklist;
    });
  }

  async tick(user: SessionUser, incidentId: string, kind: ChecklistKind, stepId: string, done: boolean) {
    const { changes, incidents, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const incident = await incidents.authorised(tx, user, incidentId, 'incident.edit', true);
      if (isReadOnly(incident.status)) throw closed();
      const before = await repo.findChecklist(tx, incidentId, kind, true);
      if (!before) throw new AppError(404, 'checklist_not_started', bilingual('checklistError.notStarted'));
      if (!stepText(kind, stepId)) throw invalidField('stepId', ref('checklistError.unknownStep', { step: stepId }));
      const now = clock.now();
      const changed = done
        ? await repo.insertTick(tx, { checklistId: before.id, stepId, byId: user.id, by: user.displayName, at: now })
        : await repo.deleteTick(tx, before.id, stepId);
      // Ticking a ticked step (or unticking an unticked one) changes nothing and announces nothing.
      if (!changed) return before;
      const after = (await repo.findChecklist(tx, incidentId, kind))!;
      record.audit({
        action: done ? 'checklist.tick' : 'checklist.untick',
        entity: 'checklist',
        entityId: before.id,
        before: before.steps.find((s) => s.id === stepId),
        after: after.steps.find((s) => s.id === stepId),
      });
      await this.announce(tx, record, incident, after, { stepId, done }, user, now);
      return after;
    });
  }

  /** The incident's timeline entry and the `checklist.updated` event, in the change's transaction. */
  private async announce(
    tx: Executor,
    record: ChangeRecorder,
    incident: Incident,
    checklist: Checklist,
    change: { stepId: string | null; done: boolean | null },
    user: SessionUser,
    now: Date,
  ) {
    await this.deps.incidents.appendTimeline(tx, incident.id, { by: user.displayName, at: now }, [
      { kind: 'checklist', data: { checklist: checklist.kind, step: change.stepId, done: change.done } },
    ]);
    record.event(
      'checklist.updated',
      {
        incidentId: incident.id,
        checklistId: checklist.id,
        kind: checklist.kind,
        ...change,
        by: user.displayName,
        at: now.toISOString(),
        checklist,
      },
      incidentAudience(incident),
    );
  }
}
