import type { Incident } from '@shared/incidents/contract.js';
import type { PlaceDescription } from '@shared/reference/place.js';
import { useI18n, type I18n } from '@client/lib/i18n.js';

/** "9 km E of Tecate, CA" / "9 km al E de Tecate, CA"; "in Tijuana" when it is in the town. */
export function nearestWords(t: I18n['t'], nearest: NonNullable<PlaceDescription['nearest']>): string {
  return nearest.km === 0
    ? t('place.in', { town: nearest.town })
    : t('place.near', { km: nearest.km, direction: t(`compass.${nearest.direction}`), town: nearest.town });
}

/**
 * An area's name without the reference data's description after it: "Mountains east of San
 * Diego (Otay Mountain Wilderness, …)" → "Mountains east of San Diego". The popup has the rest.
 */
export const shortAreaName = (name: string) => name.split(/ \(| — /)[0]!.trim();

/**
 * Where an incident happened, as an officer says it on the phone: the nearest town, the
 * high-risk areas, the mechanism (its coordinates when the server sent no description).
 */
export function PlaceLine({ incident }: { incident: Pick<Incident, 'place' | 'location'> }) {
  const { t, pick } = useI18n();
  const { place, location } = incident;
  const parts = place
    ? [
        place.nearest && nearestWords(t, place.nearest),
        ...place.areas.map((area) => shortAreaName(pick(area.name))),
        place.mechanism && t('place.mechanism', { name: pick(place.mechanism.name) }),
      ]
    : [t('incidents.location', { lat: location.lat, lon: location.lon })];
  return (
    <span className="place-line" data-testid="place-line">
      {parts.filter(Boolean).join(' · ')}
    </span>
  );
}
