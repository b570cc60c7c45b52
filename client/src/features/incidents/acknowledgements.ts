import type { Country } from '@shared/auth.js';
import type { Acknowledgement, Alert } from '@shared/incidents/contract.js';

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
