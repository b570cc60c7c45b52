import type { Arrangement, RepatriationWindow, ScheduleQuery, WindowsQuery } from '@shared/repatriation/contract.js';
import { expandWindows } from '@shared/repatriation/windows.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor } from '@server/core/db.js';
import { notFound } from '@server/core/errors.js';
import type { GeographyApi } from '@server/features/reference/index.js';
import { windowsCalendar } from './calendar.js';
import { listRange, requireListedPort } from './lists.js';
import * as repo from './repository.js';

/** The calendar feed covers the next eight weeks (issue 14). */
const CALENDAR_WEEKS = 8;
const MS_PER_WEEK = 7 * 86_400_000;

export interface WindowDependencies {
  db: Executor;
  geography: GeographyApi;
  clock: Clock;
}

/** The arrangements' weekly windows as occurrences at their ports: a list for the console, a feed for calendars. */
export class WindowService {
  constructor(private readonly deps: WindowDependencies) {}

  /** Window occurrences in [from, to) at one port, or at every port of every arrangement, earliest first. */
  async windows(query: WindowsQuery): Promise<RepatriationWindow[]> {
    const { db, geography, clock } = this.deps;
    const { from, to } = listRange(query, clock.now());
    const ports = await geography.ports(db);
    let list: Arrangement[];
    if (query.port) {
      requireListedPort(ports, query.port);
      const arrangement = await repo.arrangementOfPort(db, query.port);
      list = arrangement ? [arrangement] : [];
    } else {
      list = await repo.listArrangements(db);
    }
    const windows = list.flatMap((arrangement) =>
      ports
        .filter((port) => arrangement.portIds.includes(port.id) && (!query.port || port.id === query.port))
        .flatMap((port) => expandWindows(arrangement, port, from.toISOString(), to.toISOString())),
    );
    return windows.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.portId.localeCompare(b.portId));
  }

  /** RFC 5545 feed of a port's or an arrangement's windows over the next eight weeks; 404 when there is none. */
  async calendar(query: ScheduleQuery): Promise<string> {
    const { db, geography, clock } = this.deps;
    const arrangement = query.port
      ? await repo.arrangementOfPort(db, query.port)
      : await repo.findArrangement(db, query.arrangement!);
    if (!arrangement) throw notFound();
    const ports = (await geography.ports(db)).filter((p) =>
      query.port ? p.id === query.port : arrangement.portIds.includes(p.id),
    );
    const from = clock.now();
    const to = new Date(from.getTime() + CALENDAR_WEEKS * MS_PER_WEEK);
    return windowsCalendar({ arrangement, ports, from: from.toISOString(), to: to.toISOString() });
  }
}
