import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { z } from 'zod';
import {
  incidentStatus,
  incidentType,
  type Incident,
  type IncidentPage,
  type IncidentQuery,
} from '@shared/incidents/contract.js';
import { api, query } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/incidents: newest first, keyset pagination. Used by the feed and by the map overlay. */
function listIncidents(params: Partial<IncidentQuery>): Promise<IncidentPage> {
  return api('GET', `/api/incidents${query(params)}`);
}

/** The feed's filters, as they appear in its URL (`#/incidents?status=responding`). */
export const feedFilters = z.object({
  status: incidentStatus.optional().catch(undefined),
  type: incidentType.optional().catch(undefined),
});
export type FeedFilters = z.output<typeof feedFilters>;

const FEED_PAGE_SIZE = 50;

/**
 * One cache entry per set of filters: changing a filter shows that filter's own answer,
 * never a slower answer to the previous one.
 */
export const incidentFeedQuery = (filters: FeedFilters) =>
  infiniteQueryOptions({
    queryKey: incidentKeys.feed(filters),
    queryFn: ({ pageParam }) => listIncidents({ ...filters, cursor: pageParam, limit: FEED_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useIncidentFeed = (filters: FeedFilters) => useInfiniteQuery(incidentFeedQuery(filters));

/** The border strip from the Pacific to the Gulf, with room for the mechanisms' reach. */
const BORDER_BBOX = '-125,20,-90,37';
/** The newest incidents on the border (the API's page limit); the operations map issue adds time ranges. */
const MAP_LIMIT = 500;

export const incidentsOnMapQuery = queryOptions({
  queryKey: incidentKeys.onMap(),
  queryFn: async () => (await listIncidents({ bbox: BORDER_BBOX, limit: MAP_LIMIT })).items,
});

export const useIncidentsOnMap = () => useQuery(incidentsOnMapQuery);

const newestFirst = (a: Incident, b: Incident) => b.createdAt.localeCompare(a.createdAt);

function matchesFeed(incident: Incident, filters: FeedFilters): boolean {
  return (!filters.status || incident.status === filters.status) && (!filters.type || incident.type === filters.type);
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

/** A reported or changed incident (live event) goes where each cached list shows it; nothing is refetched. */
export function placeIncident(queryClient: QueryClient, incident: Incident): void {
  for (const { queryKey } of queryClient.getQueryCache().findAll({ queryKey: incidentKeys.feeds() })) {
    const [, , filters] = queryKey as ReturnType<typeof incidentKeys.feed>;
    patchOrReload<FeedData>(queryClient, queryKey, (data) =>
      placeInPages(data, incident, matchesFeed(incident, filters)),
    );
  }
  patchOrReload<Incident[]>(queryClient, incidentKeys.onMap(), (incidents) => [
    incident,
    ...incidents.filter((other) => other.id !== incident.id),
  ]);
}
