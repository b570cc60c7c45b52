import type { Mechanism } from '@shared/reference/contract.js';

/** How a mechanism is named to its readers: its sister cities ("San Diego – Tijuana"), or an ICM's interior city. */
export function mechanismName(m: Pick<Mechanism, 'usCity' | 'mxCity'>): string {
  return m.mxCity ? `${m.usCity} – ${m.mxCity}` : m.usCity;
}
