import { randomBytes } from 'node:crypto';
import type { SessionUser } from '@shared/auth.js';
import { everyone } from '@shared/audience.js';
import type { AreaBody, AreaImportQuery, AreaImportResult } from '@shared/areas/contract.js';
import { areaCollection, type AreaCollection, type AreaFeature } from '@shared/reference/contract.js';
import { actorOf } from '@server/core/access.js';
import type { ChangeRecorder, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor, Tx } from '@server/core/db.js';
import { notFound } from '@server/core/errors.js';
import { areasCsv } from './csv.js';
import { areasFromGeoJson, areasFromKml } from './import.js';
import * as repo from './repository.js';

export interface AreaDependencies {
  db: Executor;
  changes: Changes;
  clock: Clock;
  /** Called after a change commits (the reference geography drops its cache). */
  changed: () => void;
}

/** An id readers can make sense of in a URL or a CSV: the English (else Spanish) name, and a few random letters. */
function newId(name: { en?: string; es?: string }): string {
  const slug = (name.en ?? name.es ?? 'area')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return `${slug || 'area'}-${randomBytes(3).toString('hex')}`;
}

const valuesOf = (body: AreaBody): repo.AreaValues => ({
  name: body.properties.name,
  hazard: body.properties.hazard,
  season: body.properties.season ?? null,
  riskLevel: body.properties.riskLevel,
  geometry: body.geometry,
});

/**
 * High-risk areas (Plan of Action I: "map high-risk areas along the border to have an accurate
 * portrait of new routes"): supervisors draw, edit, import and delete them. Each change writes
 * its audit row and an `area.*` event to everyone in the same transaction; incidents reported
 * after it are assigned by the new outline.
 */
export class AreaService {
  constructor(private readonly deps: AreaDependencies) {}

  /** The areas on the map (deleted ones left out), by id. */
  async collection(): Promise<AreaCollection> {
    return { type: 'FeatureCollection', features: await repo.listAreas(this.deps.db) };
  }

  /**
   * The same collection as a file. Written out here, in the contract's order of fields, because
   * a file answer is sent as it is: byte for byte what GET /api/areas answers.
   */
  async geoJsonFile(): Promise<string> {
    return JSON.stringify(areaCollection.parse(await this.collection()));
  }

  async csvFile(): Promise<string> {
    return areasCsv(await repo.listAreas(this.deps.db));
  }

  private async insert(tx: Tx, record: ChangeRecorder, values: repo.AreaValues, action: string): Promise<AreaFeature> {
    let id = newId(values.name);
    while (await repo.areaIdTaken(tx, id)) id = newId(values.name);
    const area = repo.toAreaFeature(await repo.insertArea(tx, id, values, this.deps.clock.now()));
    record.audit({ action, entity: 'area', entityId: id, after: area });
    record.event('area.created', { areaId: id, area }, everyone);
    return area;
  }

  private async committed<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    this.deps.changed();
    return result;
  }

  create(user: SessionUser, body: AreaBody): Promise<AreaFeature> {
    return this.committed(
      this.deps.changes.run(actorOf(user), (tx, record) => this.insert(tx, record, valuesOf(body), 'area.create')),
    );
  }

  update(user: SessionUser, id: string, body: AreaBody): Promise<AreaFeature> {
    return this.committed(
      this.deps.changes.run(actorOf(user), async (tx, record) => {
        const before = await repo.findArea(tx, id, true);
        if (!before) throw notFound();
        const area = repo.toAreaFeature(await repo.updateArea(tx, id, valuesOf(body), this.deps.clock.now()));
        record.audit({
          action: 'area.update',
          entity: 'area',
          entityId: id,
          before: repo.toAreaFeature(before),
          after: area,
        });
        record.event('area.updated', { areaId: id, area }, everyone);
        return area;
      }),
    );
  }

  remove(user: SessionUser, id: string): Promise<void> {
    return this.committed(
      this.deps.changes.run(actorOf(user), async (tx, record) => {
        const before = await repo.findArea(tx, id, true);
        if (!before) throw notFound();
        await repo.markAreaDeleted(tx, id, this.deps.clock.now());
        record.audit({ action: 'area.delete', entity: 'area', entityId: id, before: repo.toAreaFeature(before) });
        record.event('area.deleted', { areaId: id }, everyone);
      }),
    );
  }

  /**
   * Other agencies' areas from a GeoJSON or KML file: every polygon read and checked first, then
   * all created in one transaction (a refusal writes nothing). Names in the file's language; the
   * other language is left for an editor (`missing` on the map).
   */
  async import(
    user: SessionUser,
    file: string,
    format: 'geojson' | 'kml',
    options: AreaImportQuery,
  ): Promise<AreaImportResult> {
    const areas = format === 'kml' ? areasFromKml(file, options) : areasFromGeoJson(file, options);
    const created = await this.committed(
      this.deps.changes.run(actorOf(user), async (tx, record) => {
        const ids: string[] = [];
        for (const values of areas) ids.push((await this.insert(tx, record, values, 'area.import')).id);
        return ids;
      }),
    );
    return { created };
  }
}
