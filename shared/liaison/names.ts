import type { Mechanism } from '@shared/reference/contract.js';

/** "El Paso (also New Mexico)" → "El Paso": the reference's notes on a city stay out of its name (and untranslated). */
const city = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

/** How a mechanism is named to its readers: its sister cities ("San Diego – Tijuana"), or an ICM's interior city. */
export function mechanismName(m: Pick<Mechanism, 'usCity' | 'mxCity'>): string {
  return m.mxCity ? `${city(m.usCity)} – ${city(m.mxCity)}` : city(m.usCity);
}
