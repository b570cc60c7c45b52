import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { incidentType, severity } from '@shared/incidents/contract.js';
import { readPreference, writePreference } from '@client/lib/preference.js';
import { useUser } from '@client/lib/session.js';

/** An alert toast the user has not acted on: it stays marked until they open the incident. */
const unreadAlert = z.object({
  incidentId: z.string(),
  escalated: z.boolean(),
  type: incidentType,
  severity,
  summary: z.string(),
  at: z.string(),
});
export type UnreadAlert = z.infer<typeof unreadAlert>;

/** The newest ones are what matter; an officer back from a week away opens the feed. */
const MAX_UNREAD = 50;

const keyOf = (userId: string) => `boc.unreadAlerts.${userId}`;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
let parsed: { raw: string | null; alerts: UnreadAlert[] } = { raw: null, alerts: [] };

/** This browser's list for the user: it survives reloads, and other tabs see changes (`storage` events). */
function read(key: string): UnreadAlert[] {
  const raw = readPreference(key);
  if (raw !== parsed.raw) {
    const list = z.array(unreadAlert).safeParse(raw ? JSON.parse(raw) : []);
    parsed = { raw, alerts: list.success ? list.data : [] };
  }
  return parsed.alerts;
}

function write(key: string, alerts: UnreadAlert[]): void {
  writePreference(key, JSON.stringify(alerts.slice(0, MAX_UNREAD)));
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const actionsFor = (key: string) => ({
  add: (alert: UnreadAlert) =>
    write(key, [alert, ...read(key).filter((other) => other.incidentId !== alert.incidentId)]),
  markSeen: (incidentId: string) => {
    const current = read(key);
    if (current.some((alert) => alert.incidentId === incidentId))
      write(
        key,
        current.filter((alert) => alert.incidentId !== incidentId),
      );
  },
  markAllSeen: () => write(key, []),
});

/** The signed-in user's unread alerts, newest first, and how to change them. */
export function useUnreadAlerts() {
  const key = keyOf(useUser().id);
  const alerts = useSyncExternalStore(subscribe, () => read(key));
  const actions = useMemo(() => actionsFor(key), [key]);
  return { alerts, ...actions };
}

/** Opening an incident is seeing its alert. */
export function useMarkSeen(incidentId: string): void {
  const { markSeen } = useUnreadAlerts();
  useEffect(() => markSeen(incidentId), [markSeen, incidentId]);
}
