import type { Incident } from '@shared/incidents/contract.js';
import { IncidentMapIndex, type MapPoint } from './map-index.js';
import type { MapPointsPage } from './repository.js';

/** The incident as the map's index reads it. */
export function pointOf(incident: Incident): MapPoint {
  return {
    id: incident.id,
    lon: incident.location.lon,
    lat: incident.location.lat,
    occurredAt: Date.parse(incident.occurredAt),
    type: incident.type,
    severity: incident.severity,
    status: incident.status,
    mechanismId: incident.mechanismId,
    reportedBy: incident.reportedBy,
    exercise: incident.exercise,
  };
}

/**
 * The map's index, loaded from the database and kept up to date by the incidents' events.
 * Events come in the order they were committed; those that come while a load reads its pages
 * wait and are applied after its last page, so each incident ends as its last event left it (a
 * page read after an event already has it; applying it again changes nothing the next event
 * won't). A bulk load written without events (`reload`) is read into a new index while the
 * one in use keeps answering, and replaces it when it is whole.
 */
export class MapIndexFeed {
  private index: IncidentMapIndex | null = null;
  /** Events that came while a load reads its pages, for it to apply after the last one. */
  private waiting: MapPoint[] | null = null;
  private loading: Promise<void> | null = null;
  private loadAgain = false;

  constructor(
    /** Page `page` of the table. */
    private readonly readPage: (page: number) => Promise<MapPointsPage>,
    /** A whole index is in use: the first, or one read again. */
    private readonly onLoaded: (count: number, ms: number) => void = () => {},
  ) {}

  /** An incident as an event announced it. */
  apply(point: MapPoint): void {
    this.index?.put(point);
    this.waiting?.push(point);
  }

  /** The index, once it holds every incident; after a failed first load, the next call tries again. */
  async current(): Promise<IncidentMapIndex> {
    if (!this.index) await (this.loading ??= this.load());
    return this.index!;
  }

  /** Incidents were written without events (a bulk load): reads them all again. */
  reload(): Promise<void> {
    if (this.loading) this.loadAgain = true;
    else this.loading = this.load();
    return this.loading;
  }

  /** Waits for a load under way (the console closing: no query after the database closes). */
  async settled(): Promise<void> {
    await this.loading?.catch(() => {});
  }

  private async load(): Promise<void> {
    try {
      do {
        this.loadAgain = false;
        const started = performance.now();
        this.waiting = [];
        let index: IncidentMapIndex | undefined;
        for (let page = 0, more = true; more; page++) {
          const read = await this.readPage(page);
          // Room for what the table is thought to hold, made once (the arrays grow by half if it holds more).
          const into = (index ??= new IncidentMapIndex(read.estimate + 1024));
          read.forEach((point) => into.put(point));
          more = read.more;
        }
        for (const point of this.waiting) index!.put(point);
        this.index = index!;
        this.onLoaded(index!.count, performance.now() - started);
      } while (this.loadAgain);
    } finally {
      this.waiting = null;
      this.loading = null;
    }
  }
}
