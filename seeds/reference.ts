import { readFileSync } from 'node:fs';
import { getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@server/core/db.js';
import { areas } from '@server/db/schema/areas.js';
import { areaGeometryInput } from '@shared/areas/contract.js';
import { mechanisms, ports, sources, stations } from '@server/db/schema/reference.js';
import { areaTranslations } from './area-translations.js';
import { blmTimeZones, type BlmId } from './liaison/mechanisms.js';
import { portNames, sectorNames } from './reference-names.js';

/** Copied from ../shared/reference so a clone has everything it needs. */
const reference = JSON.parse(
  readFileSync(new URL('./border-reference.json', import.meta.url), 'utf8'),
) as BorderReference;

interface Place {
  lat: number;
  lon: number;
  approx?: boolean;
}
interface BorderReference {
  portsOfEntry: Array<{
    id: string;
    usName: string;
    mxName: string;
    usState: string;
    mxState: string;
    btsPortCode: string | null;
    usSide: Place;
    mxSide: Place;
    timeZones: { us: string; mx: string; approx: boolean };
    notes: string | null;
    sources: string[];
  }>;
  borderLiaisonMechanisms: {
    pairs: Array<{
      id: string;
      usCity: string;
      usState: string;
      mxCity: string;
      mxState: string;
      usCityLocation: Place;
      mxCityLocation: Place;
      evidence: string;
      sources: string[];
    }>;
  };
  highRiskAreas: Array<{
    id: string;
    name: string;
    side: string;
    hazard: string;
    season: string;
    geometry: { type: 'Polygon'; coordinates: [number, number][][] };
    approx: boolean;
    sources: string[];
  }>;
  grupoBeta: { units: Array<{ city: string; state: string; location: Place; timeZone: string; sources: string[] }> };
  borderPatrolSectors: Array<{
    id: string;
    name: string;
    hqCity: string;
    hq: Place;
    timeZone: string;
    sources: string[];
  }>;
  sources: Array<{ id: string; title: string; address: string }>;
}

const xy = (p: Place) => ({ x: p.lon, y: p.lat });
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function portRows() {
  return reference.portsOfEntry.map((p) => {
    const names = { usName: p.usName, mxName: p.mxName, ...portNames[p.id] };
    // The reference's wording of a renamed port stays with it, in its notes.
    const wording = names.usName === p.usName && names.mxName === p.mxName ? null : `${p.usName} – ${p.mxName}.`;
    return {
      id: p.id,
      ...names,
      usState: p.usState,
      mxState: p.mxState,
      btsPortCode: p.btsPortCode,
      usLocation: xy(p.usSide),
      mxLocation: xy(p.mxSide),
      usTimeZone: p.timeZones.us,
      mxTimeZone: p.timeZones.mx,
      approx: Boolean(p.usSide.approx || p.mxSide.approx || p.timeZones.approx),
      notes: [wording, p.notes].filter(Boolean).join(' ') || null,
      sources: p.sources,
    };
  });
}

/** The ten BLMs; their areas are seeded apart (seeds/liaison/seed.ts), since an administrator may redraw them. */
export function mechanismRows() {
  return reference.borderLiaisonMechanisms.pairs.map((m) => ({
    id: m.id,
    kind: 'BLM' as const,
    usCity: m.usCity,
    usState: m.usState,
    mxCity: m.mxCity,
    mxState: m.mxState,
    centre: {
      x: (m.usCityLocation.lon + m.mxCityLocation.lon) / 2,
      y: (m.usCityLocation.lat + m.mxCityLocation.lat) / 2,
    },
    timeZone: blmTimeZones[m.id as BlmId],
    evidence: m.evidence,
    // Where each one's responsibility ends is estimated (seeds/liaison/mechanism-areas.ts).
    approx: true,
    sources: m.sources,
  }));
}

export function areaRows() {
  return reference.highRiskAreas.map((a) => {
    const es = areaTranslations[a.id];
    if (!es) throw new Error(`seeds/area-translations.ts has no Spanish text for area ${a.id}`);
    return {
      id: a.id,
      nameEn: a.name,
      nameEs: es.nameEs,
      hazardEn: a.hazard,
      hazardEs: es.hazardEs,
      seasonEn: a.season,
      seasonEs: es.seasonEs,
      side: a.side,
      riskLevel: es.riskLevel,
      // Through the API's own rule for an outline (checked, and wound by RFC 7946's right-hand
      // rule: the reference file's rings run clockwise): a seeded area is one a supervisor could save.
      geometry: areaGeometryInput.parse(a.geometry),
      approx: a.approx,
      sources: a.sources,
    };
  });
}

export function stationRows() {
  const grupoBeta = reference.grupoBeta.units.map((u) => ({
    id: `grupo-beta-${slug(u.city)}`,
    kind: 'grupo_beta' as const,
    name: `Grupo Beta ${u.city}`,
    state: u.state,
    location: xy(u.location),
    timeZone: u.timeZone,
    approx: Boolean(u.location.approx),
    sources: u.sources,
  }));
  const sectors = reference.borderPatrolSectors.map((s) => ({
    id: `border-patrol-${s.id}`,
    kind: 'border_patrol_sector' as const,
    name: sectorNames[s.id] ?? s.name,
    state: s.hqCity,
    location: xy(s.hq),
    timeZone: s.timeZone,
    approx: Boolean(s.hq.approx),
    sources: s.sources,
  }));
  return [...grupoBeta, ...sectors];
}

/**
 * Where a source can be opened, from the address the reference data gives: a web address
 * as is, `github: owner/repo : path @commit` and `npm: package@version` as their pages;
 * null for what has no address (a local computation, an article cited by title).
 */
export function sourceUrl(address: string): string | null {
  if (/^https?:\/\/\S+$/.test(address)) return address;
  const github = /^github: (\S+) : (\S+)(?: @([0-9a-f]{40}))?$/.exec(address);
  if (github) return `https://github.com/${github[1]}/blob/${github[3] ?? 'HEAD'}/${github[2]}`;
  const npm = /^npm: (@?[^@\s,]+)@([\w.-]+)$/.exec(address);
  if (npm) return `https://www.npmjs.com/package/${npm[1]}/v/${npm[2]}`;
  return null;
}

export function sourceRows() {
  return reference.sources.map((s) => ({ id: s.id, title: s.title, url: sourceUrl(s.address) }));
}

/** Inserts or refreshes rows by id; `keep` columns (operational state) are never overwritten. */
export async function upsert<T extends PgTable>(
  db: Executor,
  table: T,
  id: PgColumn,
  rows: T['$inferInsert'][],
  keep: string[] = [],
  setWhere?: SQL,
) {
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(getTableColumns(table))) {
    // The schema's columns are named in camelCase; the database's in snake_case.
    if (key !== 'id' && !keep.includes(key)) set[key] = sql`excluded.${sql.identifier(toSnakeCase(key))}`;
  }
  await db.insert(table).values(rows).onConflictDoUpdate({ target: id, set, setWhere });
}

/** A mechanism's area columns: written by seeds/liaison/seed.ts, or by an administrator. */
export const mechanismAreaColumns = ['area', 'areaMethod', 'areaBasis'];

/** Idempotent: a second run changes nothing an operator set (port status, a drawn area). */
export async function seedReference(db: Executor): Promise<void> {
  await upsert(db, ports, ports.id, portRows(), ['status']);
  await upsert(db, mechanisms, mechanisms.id, mechanismRows(), mechanismAreaColumns);
  // An area a supervisor edited or deleted (`edited_at`) is theirs: seeding neither refreshes nor revives it.
  await upsert(db, areas, areas.id, areaRows(), ['editedAt', 'deletedAt'], isNull(areas.editedAt));
  await upsert(db, stations, stations.id, stationRows());
  await upsert(db, sources, sources.id, sourceRows());
}
