import type { SessionUser } from '@shared/auth.js';
import {
  RECENTLY_CANCELLED_HOURS,
  type Advisory,
  type AdvisoryBody,
  type AdvisoryDetail,
  type CapMessageType,
  type ImportedAdvisory,
} from '@shared/advisories/contract.js';
import { advisoryAudience, advisoryEventPayloads } from '@shared/advisories/events.js';
import { areasOverlapping, mechanismsTouched, missingLanguages } from '@shared/advisories/rules.js';
import type { FieldError } from '@shared/errors.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import { can } from '@shared/permissions.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import { type Executor, type Tx, readAll } from '@server/core/db.js';
import type { DueWorkApi } from '@server/core/due-work.js';
import { AppError, invalidField, notFound } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { buildAtomFeed, buildCapMessage, parseCapMessage, type CapMessage } from './cap.js';
import * as repo from './repository.js';

export interface AdvisoryDependencies {
  db: Executor;
  changes: Changes;
  geography: GeographyApi;
  dueWork: Pick<DueWorkApi, 'schedule'>;
  clock: Clock;
  /**
   * The console's public address, which the feed's id and links name: never the request's
   * Host header, which a caller makes up (`Host: evil.example`) and a shared cache would then
   * serve to every reader of the public feed.
   */
  baseUrl: string;
}

type AdvisoryEventKind = keyof typeof advisoryEventPayloads;

type MechanismAreas = Awaited<ReturnType<GeographyApi['forAssignment']>>['mechanisms'];
type Places = ReadonlyMap<string, repo.AreaPlace>;

const identifierOf = (row: repo.AdvisoryRow) => `BOC-ADV-${row.id}-${row.version}`;

/** Weather advisories (Plan of Action V, Emergency Management): drafts, publication as live alerts and CAP 1.2. */
export class AdvisoryService {
  constructor(private readonly deps: AdvisoryDependencies) {}

  /** Mechanism areas, read before a change's transaction opens (the reference feature reads on its own connection). */
  private async mechanismAreas(): Promise<MechanismAreas> {
    return (await this.deps.geography.forAssignment()).mechanisms;
  }

  /** Row values for where an advisory applies; unknown areas are refused. */
  private values(body: AdvisoryBody, places: Places, mechanisms: MechanismAreas) {
    const areaIds = [...new Set(body.areaIds ?? [])];
    const unknown = areaIds.find((id) => !places.get(id) || places.get(id)!.deleted);
    if (unknown) throw invalidField('areaIds', ref('advisoryError.unknownArea', { id: unknown }));
    const polygon = body.polygon ?? null;
    const shapes = [...areaIds.flatMap((id) => repo.polygonsOfArea(places.get(id)!)), ...(polygon ? [polygon] : [])];
    return {
      hazard: body.hazard,
      severity: body.severity,
      exercise: body.exercise ?? false,
      areaIds,
      polygon,
      mechanismIds: mechanismsTouched(shapes, mechanisms),
      validFrom: new Date(body.validFrom),
      validTo: new Date(body.validTo),
      textEn: body.text.en ?? null,
      textEs: body.text.es ?? null,
    };
  }

  async create(user: SessionUser, body: AdvisoryBody): Promise<Advisory> {
    const mechanisms = await this.mechanismAreas();
    return this.deps.changes.run(actorOf(user), async (tx, record) =>
      this.insertDraft(tx, record, user, body, mechanisms),
    );
  }

  private async insertDraft(
    tx: Tx,
    record: ChangeRecorder,
    user: SessionUser,
    body: AdvisoryBody,
    mechanisms: MechanismAreas,
  ) {
    const now = this.deps.clock.now();
    const places = await repo.areaPlaces(tx);
    const row = await repo.insertAdvisory(tx, {
      ...this.values(body, places, mechanisms),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    });
    const advisory = repo.toAdvisory(row, places);
    await this.history(tx, row, advisory, user, 'created', null);
    record.audit({ action: 'advisory.create', entity: 'advisory', entityId: row.id, after: advisory });
    return advisory;
  }

  /** `PUT`: a draft is edited quietly; a published advisory sends a CAP Update citing what it sent before. */
  async update(user: SessionUser, id: string, body: AdvisoryBody): Promise<Advisory> {
    const { changes, clock, dueWork } = this.deps;
    const mechanisms = await this.mechanismAreas();
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.locked(tx, id);
      if (before.status === 'cancelled' || before.status === 'expired')
        throw invalidField('status', ref('advisoryError.closed', { status: ref(`advisoryStatus.${before.status}`) }));
      const places = await repo.areaPlaces(tx);
      const now = clock.now();
      const values = this.values(body, places, mechanisms);
      const published = before.status === 'published';
      if (published) this.refuseUnpublishable({ en: values.textEn, es: values.textEs }, values.validTo, now);
      const row = await repo.updateAdvisoryRow(tx, id, { ...values, version: before.version + 1, updatedAt: now });
      const advisory = repo.toAdvisory(row, places);
      record.audit({
        action: 'advisory.update',
        entity: 'advisory',
        entityId: id,
        before: repo.toAdvisory(before, places),
        after: advisory,
      });
      if (!published) {
        await this.history(tx, row, advisory, user, 'edited', null);
        return advisory;
      }
      await this.history(tx, row, advisory, user, 'updated', 'Update');
      this.announce(record, 'advisory.updated', advisory, before);
      if (row.validTo.getTime() !== before.validTo.getTime())
        dueWork.schedule(record, { kind: 'advisory.expiry', subjectId: id, dueAt: row.validTo });
      return advisory;
    });
  }

  /** Publishing needs both languages (the two governments' officers and publics read their own) and a validity not yet over. */
  async publish(user: SessionUser, id: string): Promise<Advisory> {
    const { changes, clock, dueWork } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.locked(tx, id);
      if (before.status !== 'draft')
        throw invalidField('status', ref('advisoryError.notDraft', { status: ref(`advisoryStatus.${before.status}`) }));
      const now = clock.now();
      this.refuseUnpublishable({ en: before.textEn, es: before.textEs }, before.validTo, now);
      const places = await repo.areaPlaces(tx);
      const row = await repo.updateAdvisoryRow(tx, id, {
        status: 'published',
        publishedAt: now,
        version: before.version + 1,
        updatedAt: now,
      });
      const advisory = repo.toAdvisory(row, places);
      await this.history(tx, row, advisory, user, 'published', 'Alert');
      record.audit({ action: 'advisory.publish', entity: 'advisory', entityId: id, after: advisory });
      this.announce(record, 'advisory.published', advisory);
      dueWork.schedule(record, { kind: 'advisory.expiry', subjectId: id, dueAt: row.validTo });
      return advisory;
    });
  }

  async cancel(user: SessionUser, id: string, reason: string | null): Promise<Advisory> {
    const { changes, clock } = this.deps;
    return changes.run(actorOf(user), async (tx, record) => {
      const before = await this.locked(tx, id);
      if (before.status !== 'published')
        throw invalidField(
          'status',
          ref('advisoryError.notPublished', { status: ref(`advisoryStatus.${before.status}`) }),
        );
      const now = clock.now();
      const places = await repo.areaPlaces(tx);
      const row = await repo.updateAdvisoryRow(tx, id, {
        status: 'cancelled',
        cancelReason: reason,
        version: before.version + 1,
        updatedAt: now,
      });
      const advisory = repo.toAdvisory(row, places);
      await this.history(tx, row, advisory, user, 'cancelled', 'Cancel', reason);
      record.audit({ action: 'advisory.cancel', entity: 'advisory', entityId: id, after: advisory });
      this.announce(record, 'advisory.cancelled', advisory);
      return advisory;
    });
  }

  /**
   * Due work at `validTo`: a published advisory whose end has come drops off by itself. A
   * row left from before an update that moved `validTo` later finds it not yet due and does nothing.
   */
  async expire(tx: Tx, record: ChangeRecorder, id: string, now: Date): Promise<void> {
    const before = await repo.findAdvisory(tx, id, true);
    if (!before || before.status !== 'published' || before.validTo > now) return;
    const places = await repo.areaPlaces(tx);
    const row = await repo.updateAdvisoryRow(tx, id, { status: 'expired', updatedAt: now });
    const advisory = repo.toAdvisory(row, places);
    await repo.appendVersion(tx, {
      advisoryId: id,
      change: 'expired',
      snapshot: advisory,
      actorName: 'system',
      at: now,
    });
    record.audit({ action: 'advisory.expire', entity: 'advisory', entityId: id, after: advisory });
    this.announce(record, 'advisory.expired', advisory);
  }

  /** Reads a foreign CAP message into a draft for the high-risk areas its polygons overlap. */
  async importCap(user: SessionUser, xml: string): Promise<ImportedAdvisory> {
    const imported = parseCapMessage(xml);
    const mechanisms = await this.mechanismAreas();
    return this.deps.changes.run(actorOf(user), async (tx, record) => {
      const places = await repo.areaPlaces(tx);
      const advisory = await this.insertDraft(
        tx,
        record,
        user,
        {
          hazard: imported.hazard,
          severity: imported.severity,
          areaIds: areasOverlapping(
            imported.polygons,
            [...places.values()].filter((area) => !area.deleted),
          ),
          // The sender's own shape stays as the drawn polygon (the first, when it sent several).
          polygon: imported.polygons[0],
          validFrom: imported.validFrom,
          validTo: imported.validTo,
          text: imported.text,
          exercise: imported.exercise,
        },
        mechanisms,
      );
      return { advisory, matchedAreas: advisory.areas };
    });
  }

  /** Advisories, active first; `active` keeps only those in force or announced ahead; drafts only for their writers. */
  async list(user: SessionUser, active: boolean): Promise<Advisory[]> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const drafts = can(user, 'advisory.write') && !active;
    const [rows, places] = await readAll(
      db,
      () => repo.listAdvisories(db, { activeAt: active ? now : undefined, drafts }),
      () => repo.areaPlaces(db),
    );
    return rows.map((row) => repo.toAdvisory(row, places));
  }

  /** One advisory with its history; drafts only for those who may write them. */
  async detail(user: SessionUser, id: string): Promise<AdvisoryDetail> {
    const { db } = this.deps;
    const row = await repo.findAdvisory(db, id);
    if (!row || (row.status === 'draft' && !can(user, 'advisory.write'))) throw notFound();
    const [places, versions] = await readAll(
      db,
      () => repo.areaPlaces(db),
      () => repo.versionsOf(db, id),
    );
    return { ...repo.toAdvisory(row, places), history: versions.map(repo.toHistoryEntry) };
  }

  /** The latest CAP message sent about an advisory; 404 while it is a draft (nothing was ever sent). */
  async capMessage(id: string): Promise<string> {
    const row = await repo.findAdvisory(this.deps.db, id);
    if (!row) throw notFound();
    const messages = await this.messagesOf(id);
    const latest = messages.at(-1);
    if (!latest) throw notFound();
    return buildCapMessage(
      latest.advisory,
      latest.message,
      messages.slice(0, -1).map((m) => m.message),
    );
  }

  /** The public Atom index: active and recently cancelled advisories, each linking its CAP message. */
  async feed(): Promise<string> {
    const { db, clock, baseUrl } = this.deps;
    const now = clock.now();
    const since = new Date(now.getTime() - RECENTLY_CANCELLED_HOURS * 3_600_000);
    const rows = await repo.feedAdvisories(db, now, since);
    const entries = await readAll(
      db,
      ...rows.map((row) => async () => {
        const latest = (await this.messagesOf(row.id)).at(-1)!;
        return { ...latest, url: `${baseUrl}/api/advisories/${row.id}.cap` };
      }),
    );
    const updated = entries.reduce((max, e) => Math.max(max, e.message.sent.getTime()), 0);
    return buildAtomFeed({
      selfUrl: `${baseUrl}/api/advisories.cap`,
      updated: new Date(updated || now.getTime()),
      entries,
    });
  }

  /** Every CAP message sent about an advisory, oldest first, with the advisory as it was sent. */
  private async messagesOf(id: string): Promise<Array<{ advisory: Advisory; message: CapMessage }>> {
    const versions = await repo.versionsOf(this.deps.db, id);
    return versions.flatMap((v) =>
      v.msgType && v.identifier
        ? [
            {
              advisory: v.snapshot as unknown as Advisory,
              message: { identifier: v.identifier, sent: v.at, msgType: v.msgType },
            },
          ]
        : [],
    );
  }

  private async locked(tx: Tx, id: string): Promise<repo.AdvisoryRow> {
    const row = await repo.findAdvisory(tx, id, true);
    if (!row) throw notFound();
    return row;
  }

  /** 400 with a field message per missing language, and for a validity already over. */
  private refuseUnpublishable(text: { en: string | null; es: string | null }, validTo: Date, now: Date): void {
    const fields: FieldError[] = missingLanguages(text).map((language) => ({
      path: `text.${language}`,
      message: bilingual(language === 'en' ? 'advisoryError.missingEn' : 'advisoryError.missingEs'),
    }));
    if (validTo <= now) fields.push({ path: 'validTo', message: bilingual('advisoryError.alreadyOver') });
    if (fields.length === 0) return;
    const en = fields.map((f) => `${f.path}: ${f.message.en}`).join('; ');
    const es = fields.map((f) => `${f.path}: ${f.message.es}`).join('; ');
    throw new AppError(400, 'validation_failed', { en, es }, { fields });
  }

  private async history(
    tx: Tx,
    row: repo.AdvisoryRow,
    advisory: Advisory,
    user: SessionUser,
    change: 'created' | 'edited' | 'published' | 'updated' | 'cancelled',
    msgType: CapMessageType | null,
    note: string | null = null,
  ): Promise<void> {
    await repo.appendVersion(tx, {
      advisoryId: row.id,
      change,
      msgType,
      identifier: msgType ? identifierOf(row) : null,
      snapshot: advisory,
      actorName: user.displayName,
      note,
      at: row.updatedAt,
    });
  }

  /** An advisory's event; an update also reaches the mechanisms it no longer touches, so they drop it. */
  private announce(record: ChangeRecorder, kind: AdvisoryEventKind, advisory: Advisory, before?: repo.AdvisoryRow) {
    const mechanismIds = [...new Set([...advisory.mechanismIds, ...(before?.mechanismIds ?? [])])];
    record.event(kind, { advisoryId: advisory.id, advisory }, advisoryAudience({ mechanismIds }));
  }
}
