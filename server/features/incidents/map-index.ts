import {
  incidentStatuses,
  incidentTypes,
  severities,
  type IncidentStatus,
  type IncidentType,
  type Severity,
} from '@shared/incidents/contract.js';
import type { MapFilter } from '@shared/incidents/map-filter.js';
import { CLUSTER_CELLS, CLUSTER_MAX_ZOOM, TILE_EXTENT, worldPlace, type TileAddress } from '@shared/incidents/tiles.js';
import type { Scope } from './repository.js';

/*
 * The operations map's incidents in memory, column by column (issue 26): what a tile reads of
 * each (place, time, type, severity, status, mechanism, reporter, drill) in typed arrays, about
 * 50 bytes an incident. A tile is one pass over them: a million in 5–15 ms, where the database
 * reads the same rows in 200–600 ms (docs/benchmarks.md), whatever the filter.
 *
 * The database stays the record. The index is loaded from it page by page and then follows the
 * event log (an incident's events carry the whole incident): every change the console makes
 * reaches it, from any instance, in the order it was committed. Events that arrive while it
 * loads are applied after the last page, so a page read before a change and one read after it
 * both end at the change.
 */

/** An incident as the map reads it. */
export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  /** Epoch milliseconds. */
  occurredAt: number;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  mechanismId: string | null;
  reportedBy: string;
  exercise: boolean;
}

/** A cell of a tile: a cluster (no `id`), or the one incident it holds, in tile coordinates. */
export type CellRow = { n: number; px: number; py: number; severity: Severity } & (
  | { id: null }
  | {
      id: string;
      type: IncidentType;
      status: IncidentStatus;
      occurredAt: string;
      mechanismId: string | null;
      exercise: boolean;
    }
);

const EMPTY = -1;
const INITIAL_CAPACITY = 1024;

/** Strings (mechanisms, reporters) as small numbers; 0 is "none". */
class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly values: Array<string | null> = [null];
  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.codes.set(value, code);
    }
    return code;
  }
  /** The code of a value already seen, or -1 (no incident has it). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
  value(code: number): string | null {
    return this.values[code] ?? null;
  }
}

/** The bits of `values`' positions in `all` (31 at most: an int's bits): a filter of one byte-sized column. */
function maskOf<T>(all: readonly T[], values: readonly T[] | null): number {
  if (all.length > 31) throw new Error('a filter mask holds 31 values at most');
  if (values === null) return ~0;
  return values.reduce((mask, v) => mask | (1 << all.indexOf(v)), 0);
}

export class IncidentMapIndex {
  private size = 0;
  private capacity = 0;
  /** Web Mercator place, 0…1 from the west and the north, in single precision (`worldPlace`). */
  private x = new Float32Array(0);
  private y = new Float32Array(0);
  private at = new Float64Array(0);
  private type = new Uint8Array(0);
  private severity = new Uint8Array(0);
  private status = new Uint8Array(0);
  private exercise = new Uint8Array(0);
  private mechanism = new Uint16Array(0);
  private reporter = new Uint32Array(0);
  /** 16 bytes an id. */
  private ids = new Uint8Array(0);
  /** Open addressing by id: a slot's number, or EMPTY. */
  private slots = new Int32Array(0);
  /** The id being looked up. */
  private readonly key = new Uint8Array(16);
  private readonly mechanisms = new Dictionary();
  private readonly reporters = new Dictionary();

  /** `expected`: room to make at once (a load that knows the table's size grows no arrays on the way). */
  constructor(expected = 0) {
    this.grow(Math.max(INITIAL_CAPACITY, Math.ceil(expected)));
  }

  get count(): number {
    return this.size;
  }

  /** Adds the incident, or replaces what the index held of it. */
  put(point: Readonly<MapPoint>): void {
    const key = this.key;
    writeId(point.id, key, 0);
    let i = this.find(key);
    if (i === EMPTY) {
      if (this.size === this.capacity) this.grow(Math.ceil(this.capacity * 1.5));
      i = this.size++;
      this.ids.set(key, i * 16);
      this.insertSlot(i);
    }
    const place = worldPlace(point.lon, point.lat);
    this.x[i] = place.x;
    this.y[i] = place.y;
    this.at[i] = point.occurredAt;
    this.type[i] = incidentTypes.indexOf(point.type);
    this.severity[i] = severities.indexOf(point.severity);
    this.status[i] = incidentStatuses.indexOf(point.status);
    this.exercise[i] = point.exercise ? 1 : 0;
    this.mechanism[i] = this.mechanisms.code(point.mechanismId);
    this.reporter[i] = this.reporters.code(point.reportedBy);
  }

  /**
   * The tile's cells of the incidents the filter and scope select: up to CLUSTER_MAX_ZOOM by
   * grid cell (CLUSTER_CELLS a side), deeper by pixel (incidents at the very same spot stay one
   * cluster). A cluster sits where its incidents are on average and has the most severe's severity.
   */
  cells(tile: TileAddress, filter: MapFilter, scope: Scope): CellRow[] {
    const { z } = tile;
    const tiles = 2 ** z;
    const scale = tiles * TILE_EXTENT;
    const [west, east] = [tile.x / tiles, (tile.x + 1) / tiles];
    const [north, south] = [tile.y / tiles, (tile.y + 1) / tiles];
    const from = filter.from === null ? -Infinity : Date.parse(filter.from);
    const to = filter.to === null ? Infinity : Date.parse(filter.to);
    const types = maskOf(incidentTypes, filter.types);
    const levels = maskOf(severities, filter.severities);
    const statuses = maskOf(incidentStatuses, filter.statuses);
    // A filter or scope on a mechanism no incident has matches nothing: -1 is no incident's code.
    const mechanism = filter.mechanismId === null ? 0 : this.mechanisms.find(filter.mechanismId);
    const scopeMechanism = scope ? this.mechanisms.find(scope.mechanismId) : 0;
    const scopeReporter = scope ? this.reporters.find(scope.reportedBy) : 0;
    // Cells across the world at this zoom: a grid cell's, or a pixel's.
    const lines = z > CLUSTER_MAX_ZOOM ? scale : tiles * CLUSTER_CELLS;
    const side = lines / tiles;
    const cells = new Map<number, { n: number; x: number; y: number; severity: number; first: number }>();
    const { x, y, at, type, severity, status, mechanism: mechanismOf, reporter } = this;
    for (let i = 0; i < this.size; i++) {
      const px = x[i]!;
      if (px < west || px >= east) continue;
      const py = y[i]!;
      if (py < north || py >= south) continue;
      const when = at[i]!;
      if (when < from || when > to) continue;
      if (!((types >> type[i]!) & 1) || !((levels >> severity[i]!) & 1) || !((statuses >> status[i]!) & 1)) continue;
      if (mechanism !== 0 && mechanismOf[i] !== mechanism) continue;
      if (scope && mechanismOf[i] !== scopeMechanism && reporter[i] !== scopeReporter) continue;
      const key = (Math.floor(py * lines) - tile.y * side) * side + (Math.floor(px * lines) - tile.x * side);
      const cell = cells.get(key);
      if (cell) {
        cell.n++;
        cell.x += px;
        cell.y += py;
        if (severity[i]! > cell.severity) cell.severity = severity[i]!;
      } else cells.set(key, { n: 1, x: px, y: py, severity: severity[i]!, first: i });
    }
    const left = tile.x * TILE_EXTENT;
    const top = tile.y * TILE_EXTENT;
    const inTile = (v: number) => Math.min(Math.max(v, 0), TILE_EXTENT - 1);
    return [...cells.values()].map((c) => {
      const place = {
        n: c.n,
        px: inTile(Math.floor((c.x / c.n) * scale) - left),
        py: inTile(Math.floor((c.y / c.n) * scale) - top),
        severity: severities[c.severity]!,
      };
      if (c.n > 1) return { ...place, id: null };
      const i = c.first;
      return {
        ...place,
        id: idText(this.ids, i * 16),
        type: incidentTypes[this.type[i]!]!,
        status: incidentStatuses[this.status[i]!]!,
        occurredAt: new Date(this.at[i]!).toISOString(),
        mechanismId: this.mechanisms.value(this.mechanism[i]!),
        exercise: this.exercise[i] === 1,
      };
    });
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array>(
      from: T,
      make: new (n: number) => T,
      width = 1,
    ) => {
      const to = new make(capacity * width);
      to.set(from.subarray(0, this.size * width));
      return to;
    };
    this.x = copy(this.x, Float32Array);
    this.y = copy(this.y, Float32Array);
    this.at = copy(this.at, Float64Array);
    this.type = copy(this.type, Uint8Array);
    this.severity = copy(this.severity, Uint8Array);
    this.status = copy(this.status, Uint8Array);
    this.exercise = copy(this.exercise, Uint8Array);
    this.mechanism = copy(this.mechanism, Uint16Array);
    this.reporter = copy(this.reporter, Uint32Array);
    this.ids = copy(this.ids, Uint8Array, 16);
    this.capacity = capacity;
    // Three quarters full at most, so probes stay short; a power of two, so a mask finds a hash's slot.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(capacity / 0.75))).fill(EMPTY);
    for (let i = 0; i < this.size; i++) this.insertSlot(i);
  }

  private insertSlot(i: number): void {
    const mask = this.slots.length - 1;
    let s = hashOf(this.ids, i * 16) & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    this.slots[s] = i;
  }

  private find(key: Uint8Array): number {
    const mask = this.slots.length - 1;
    for (let s = hashOf(key, 0) & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s]!;
      if (i === EMPTY) return EMPTY;
      if (sameId(this.ids, i * 16, key)) return i;
    }
  }
}

/** Writes a uuid's 16 bytes into `to` at `offset`. */
function writeId(id: string, to: Uint8Array, offset: number): void {
  if (id.length !== 36) throw new Error(`not a uuid: ${id}`);
  for (let k = 0, c = 0; k < 16; k++, c += 2) {
    if (c === 8 || c === 13 || c === 18 || c === 23) c++; // the hyphens
    const byte = (hexValue(id.charCodeAt(c)) << 4) | hexValue(id.charCodeAt(c + 1));
    if (byte < 0) throw new Error(`not a uuid: ${id}`);
    to[offset + k] = byte;
  }
}

/** A hex digit's value, or a large negative number (so the byte it makes is negative). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -256;
}

/** The uuid at `offset`, lower case, as the database spells it. */
function idText(bytes: Uint8Array, offset: number): string {
  let hex = '';
  for (let k = 0; k < 16; k++) hex += bytes[offset + k]!.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sameId(bytes: Uint8Array, offset: number, key: Uint8Array): boolean {
  for (let k = 0; k < 16; k++) if (bytes[offset + k] !== key[k]) return false;
  return true;
}

/** FNV-1a over the id's bytes: ids that share a prefix (time-ordered ones) still spread. */
function hashOf(bytes: Uint8Array, offset: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < 16; k++) h = Math.imul(h ^ bytes[offset + k]!, 0x01000193);
  return h >>> 0;
}
