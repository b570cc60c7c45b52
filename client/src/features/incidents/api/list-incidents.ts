import {
  infiniteQueryOptions,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { z } from 'zod';
import type { Country } from '@shared/auth.js';
import {
  incidentStatus,
  incidentType,
  severity,
  type Incident,
  type IncidentPage,
  type IncidentQuery,
} from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { placeOnTiles } from './incident-tiles.js';
import { placeOnMaps } from './incidents-map.js';
import { incidentKeys } from './keys.js';

/** GET /api/incidents: newest first, keyset pagination (the feed; the map reads incidents.geojson). */
function listIncidents(query: Partial<IncidentQuery>): Promise<IncidentPage> {
  return call(incidentEndpoints.list, { query });
}

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The feed's filters, as they appear in its URL (`#/incidents?status=responding&from=2026-07-01`):
 * dates are days in the reader's zone; `awaiting=mine` keeps what the reader's government
 * has still to acknowledge.
 */
export const feedFilters = z.object({
  status: incidentStatus.optional().catch(undefined),
  type: incidentType.optional().catch(undefined),
  severity: severity.optional().catch(undefined),
  mechanism: z.string().min(1).max(100).optional().catch(undefined),
  from: localDate.optional().catch(undefined),
  to: localDate.optional().catch(undefined),
  awaiting: z.literal('mine').optional().catch(undefined),
});
export type FeedFilters = z.output<typeof feedFilters>;

const FEED_PAGE_SIZE = 50;

/** The first and last instants of the filters' days, in the browser's zone. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

/** The API's query for the feed's filters, as read by an officer of `government`. */
function apiQuery(filters: FeedFilters, government: Country): Partial<IncidentQuery> {
  const { mechanism, from, to, awaiting, ...rest } = filters;
  return {
    ...rest,
    mechanismId: mechanism,
    from: from && startOfDay(from),
    to: to && endOfDay(to),
    awaiting: awaiting && government,
  };
}

/**
 * One cache entry per set of filters: changing a filter shows that filter's own answer,
 * never a slower answer to the previous one.
 */
export const incidentFeedQuery = (filters: FeedFilters, government: Country) =>
  infiniteQueryOptions({
    queryKey: incidentKeys.feed(filters),
    queryFn: ({ pageParam }) =>
      listIncidents({ ...apiQuery(filters, government), cursor: pageParam, limit: FEED_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useIncidentFeed = (filters: FeedFilters, government: Country) =>
  useInfiniteQuery(incidentFeedQuery(filters, government));

const newestFirst = (a: Incident, b: Incident) => b.createdAt.localeCompare(a.createdAt);

function matchesFeed(incident: Incident, filters: FeedFilters): boolean {
  const occurred = incident.occurredAt;
  return (
    (!filters.status || incident.status === filters.status) &&
    (!filters.type || incident.type === filters.type) &&
    (!filters.severity || incident.severity === filters.severity) &&
    (!filters.mechanism || incident.mechanismId === filters.mechanism) &&
    (!filters.from || Date.parse(occurred) >= Date.parse(startOfDay(filters.from))) &&
    (!filters.to || Date.parse(occurred) <= Date.parse(endOfDay(filters.to)))
  );
}

type FeedData = InfiniteData<IncidentPage, string | undefined>;

/** Replaces the incident where a page holds it, drops it where it no longer matches, or adds it to the first page. */
function placeInPages(data: FeedData, incident: Incident, belongs: boolean): FeedData {
  const at = data.pages.findIndex((page) => page.items.some((item) => item.id === incident.id));
  if (at >= 0) {
    const pages = data.pages.map((page, i) => {
      if (i !== at) return page;
      const items = belongs
        ? page.items.map((item) => (item.id === incident.id ? incident : item))
        : page.items.filter((item) => item.id !== incident.id);
      return { ...page, items };
    });
    return { ...data, pages };
  }
  const [first, ...rest] = data.pages;
  if (!belongs || !first) return data;
  return { ...data, pages: [{ ...first, items: [incident, ...first.items].sort(newestFirst) }, ...rest] };
}

/**
 * A cached list still loading may have been read before this change committed: load it
 * again rather than patch data that isn't there yet. Otherwise patch it in place.
 */
function patchOrReload<T>(queryClient: QueryClient, queryKey: QueryKey, patch: (data: T) => T): void {
  const state = queryClient.getQueryState(queryKey);
  if (state?.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey, exact: true });
  else queryClient.setQueryData<T>(queryKey, (data) => data && patch(data));
}

/** The cached feeds and their filters. */
const cachedFeeds = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: incidentKeys.feeds() })
    .map(({ queryKey }) => ({ queryKey, filters: (queryKey as ReturnType<typeof incidentKeys.feed>)[2] }));

/**
 * Feeds filtered to what awaits the reader's acknowledgement depend on alerts the incident
 * doesn't carry: they load again (by exact key) when an alert changes.
 */
export function reloadAwaitingFeeds(queryClient: QueryClient): void {
  for (const { queryKey, filters } of cachedFeeds(queryClient))
    if (filters.awaiting) void queryClient.invalidateQueries({ queryKey, exact: true });
}

/** A reported or changed incident (live event) goes where each cached list shows it; nothing is refetched. */
export function placeIncident(queryClient: QueryClient, incident: Incident): void {
  for (const { queryKey, filters } of cachedFeeds(queryClient)) {
    if (filters.awaiting) continue;
    patchOrReload<FeedData>(queryClient, queryKey, (data) =>
      placeInPages(data, incident, matchesFeed(incident, filters)),
    );
  }
  reloadAwaitingFeeds(queryClient);
  placeOnMaps(queryClient, incident, new Date());
  placeOnTiles(queryClient, incident);
}
