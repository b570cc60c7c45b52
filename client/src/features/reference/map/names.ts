import type { Port, Station } from '@shared/reference/contract.js';

/* The short names the map writes beside ports and stations, per language (lib/map/labels.ts picks one). */

/** "Tijuana (El Chaparral / PedWest / PedEast)" → "Tijuana": the details belong in the popup. */
const short = (name: string) => name.split(/ \(|;/)[0]!.trim();

/** Each language names its own side first, as the port's popup does; a town on both sides once (Nogales). */
export function portLabel(port: Pick<Port, 'usName' | 'mxName'>) {
  const [us, mx] = [short(port.usName), short(port.mxName)];
  return us === mx ? { name_en: us, name_es: mx } : { name_en: `${us} – ${mx}`, name_es: `${mx} – ${us}` };
}

/** A Border Patrol sector is "San Diego Sector" in English and "Sector San Diego" in Spanish. */
export function stationLabel(station: Pick<Station, 'kind' | 'name'>) {
  const sector = station.kind === 'border_patrol_sector' ? /^(.*) Sector$/.exec(station.name)?.[1] : undefined;
  return { name_en: station.name, name_es: sector ? `Sector ${sector}` : station.name };
}
