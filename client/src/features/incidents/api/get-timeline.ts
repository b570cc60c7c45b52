import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { IncidentDetail, TimelineEntry } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/incidents/:id/timeline?before=: the page of entries before the cursor, oldest first. */
export const fetchTimelinePage = (id: string, before: string) =>
  call(incidentEndpoints.timeline, { params: { id }, query: { before } });

/** Entries older than the incident's own page, oldest first, and the cursor of those before them. */
interface Older {
  entries: TimelineEntry[];
  cursor: string | null;
}

interface NewestPage {
  timeline: TimelineEntry[];
  cursor: string | null;
}

/**
 * The incident was fetched again (a live change): its page of newest entries moved on. What
 * slid out of it stays on screen, with what was already loaded, as long as the two pages
 * overlap; when they don't (more new entries than a page), the gap can't be told, so older
 * entries start again from the new page's cursor.
 */
function carryOver(older: Older | null, previous: NewestPage, next: NewestPage): Older | null {
  const first = next.timeline[0];
  const slid = first ? previous.timeline.findIndex((entry) => entry.id === first.id) : -1;
  if (slid < 0) return null;
  if (slid === 0) return older;
  return {
    entries: [...(older?.entries ?? []), ...previous.timeline.slice(0, slid)],
    cursor: older ? older.cursor : previous.cursor,
  };
}

/**
 * The incident's timeline as the page shows it: its newest page (in the incident's answer,
 * issue #22: a timeline is never read whole) after the older pages the reader asked for.
 */
export function useIncidentTimeline(detail: IncidentDetail) {
  const [older, setOlder] = useState<Older | null>(null);
  const [shown, setShown] = useState<NewestPage>({ timeline: detail.timeline, cursor: detail.timelineNextCursor });
  if (shown.timeline !== detail.timeline) {
    // Adjusting state to a new prop during render (React: "storing information from previous renders").
    const next = { timeline: detail.timeline, cursor: detail.timelineNextCursor };
    setShown(next);
    setOlder(carryOver(older, shown, next));
  }
  const cursor = older ? older.cursor : detail.timelineNextCursor;
  // The incident's own cursor as last rendered, for an answer that arrives after a refetch.
  const pageCursor = useRef(detail.timelineNextCursor);
  useEffect(() => {
    pageCursor.current = detail.timelineNextCursor;
  }, [detail.timelineNextCursor]);
  const load = useMutation({
    mutationFn: (before: string) => fetchTimelinePage(detail.id, before),
    // Kept only if it still continues what is shown (not after a refetch that started over).
    onSuccess: (page, before) =>
      setOlder((current) =>
        (current ? current.cursor : pageCursor.current) === before
          ? { entries: [...page.items, ...(current?.entries ?? [])], cursor: page.nextCursor }
          : current,
      ),
  });
  return {
    entries: older ? [...older.entries, ...detail.timeline] : detail.timeline,
    hasOlder: cursor !== null,
    loadOlder: () => {
      if (cursor !== null) load.mutate(cursor);
    },
    loading: load.isPending,
    error: load.error,
  };
}
