import { TILE_MAX_ZOOM, tileOf, type TileAddress } from '@shared/incidents/tiles.js';

const tileKey = ({ z, x, y }: TileAddress) => `${z}/${x}/${y}`;

interface Entry {
  tile: string;
  /** The bytes, or the build under way (concurrent asks for one tile share it). */
  bytes: Uint8Array | Promise<Uint8Array>;
  size: number;
}

/**
 * Built tiles by tile, filter and scope, least recently used out first past `maxBytes`. An
 * incident event drops every tile that holds the incident's place, at every zoom (an
 * incident's place never changes, so the tiles that held it before are these), and a build
 * that an event overtook answers its caller but is not kept.
 */
export class TileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTile = new Map<string, Set<string>>();
  private bytes = 0;
  /** Bumped by every drop: a build that started before one may hold what it dropped. */
  private epoch = 0;

  constructor(private readonly maxBytes: number) {}

  /** The tile for `key` (tile, filter and scope), built by `build` unless it is cached. */
  async get(tile: TileAddress, key: string, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const found = this.entries.get(key);
    if (found) {
      // Most recently used: to the end of the map's order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.bytes;
    }
    const startedAt = this.epoch;
    const building = build();
    const entry: Entry = { tile: tileKey(tile), bytes: building, size: 0 };
    this.add(key, entry);
    try {
      const bytes = await building;
      if (this.entries.get(key) === entry) {
        if (this.epoch === startedAt) this.settle(key, entry, bytes);
        else this.remove(key);
      }
      return bytes;
    } catch (error) {
      if (this.entries.get(key) === entry) this.remove(key);
      throw error;
    }
  }

  /** Drops every cached tile (the map's index was read again). */
  clear(): void {
    this.epoch++;
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  /** Drops every cached tile that holds the point, at every zoom. */
  dropPlace(lon: number, lat: number): void {
    this.epoch++;
    for (let z = 0; z <= TILE_MAX_ZOOM; z++)
      for (const key of this.keysByTile.get(tileKey(tileOf(lon, lat, z))) ?? []) this.remove(key);
  }

  private add(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    let keys = this.keysByTile.get(entry.tile);
    if (!keys) this.keysByTile.set(entry.tile, (keys = new Set()));
    keys.add(key);
  }

  private settle(key: string, entry: Entry, bytes: Uint8Array): void {
    entry.bytes = bytes;
    entry.size = bytes.byteLength + key.length;
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (old.size > 0) this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
    const keys = this.keysByTile.get(entry.tile);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByTile.delete(entry.tile);
  }
}
