import type { Country } from '@shared/auth.js';
import type { Acknowledgement, Alert } from '@shared/incidents/contract.js';
import type { I18n } from '@client/lib/i18n.js';

/* Plan of Action V: both governments are alerted and each acknowledges for itself. */

/** Every government that acknowledged any of the incident's alerts (local or central). */
export function acknowledgingGovernments(alerts: readonly Alert[]): Country[] {
  return alerts.flatMap((alert) => alert.acknowledgements.map((ack) => ack.government));
}

/** A government's acknowledgement, the local one first (central ones come after escalation). */
export function acknowledgementOf(alerts: readonly Alert[], government: Country): Acknowledgement | undefined {
  const all = alerts.flatMap((alert) => alert.acknowledgements).filter((ack) => ack.government === government);
  return all.find((ack) => ack.tier === 'local') ?? all[0];
}

/** The alert whose clock runs: the central one once the local one escalated, else the local one. */
export function runningAlert(alerts: readonly Alert[]): Alert | undefined {
  return alerts.find((alert) => alert.tier === 'central') ?? alerts.find((alert) => alert.tier === 'local');
}

/** When the incident's alerts were settled, if they all are. */
export function settledAt(alerts: readonly Alert[]): string | null {
  if (alerts.length === 0 || alerts.some((alert) => !alert.settledAt)) return null;
  return alerts
    .map((alert) => alert.settledAt!)
    .sort()
    .at(-1)!;
}

/** "12:34" left on a deadline (minutes and seconds), never negative. */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How long something has waited, at the grain a reader needs: "12 min", "3 h 5 min", "2 days". */
export function waitedWords(t: I18n['t'], ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('duration.minutes', { minutes });
  if (minutes < 48 * 60) return t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t('duration.days', { count: Math.floor(minutes / (24 * 60)) });
}
