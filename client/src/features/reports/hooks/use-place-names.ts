import { mechanismName } from '@shared/reference/place.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useAreas, usePortName, usePorts } from '@client/features/reference/index.js';
import { useI18n } from '@client/lib/i18n.js';

/** The key the summary counts incidents outside every mechanism's area under. */
export const NO_MECHANISM = 'none';

/**
 * Mechanisms, high-risk areas and ports by the names the rest of the console gives them (in the
 * reader's language), from the reference data: a report names places, never their ids.
 */
export function usePlaceNames() {
  const { t, pick } = useI18n();
  const portName = usePortName();
  const mechanisms = useMechanisms().data;
  const ports = usePorts().data;
  const areas = useAreas().data?.features;
  // Until the reference data arrives a place reads "…"; an id it doesn't know (since removed), as such.
  const named = <T>(list: readonly T[] | undefined, find: (item: T) => boolean, name: (item: T) => string) => {
    if (!list) return '…';
    const item = list.find(find);
    return item ? name(item) : t('report.unknownPlace');
  };
  return {
    mechanisms: mechanisms ?? [],
    ports: ports ?? [],
    areas: areas ?? [],
    mechanism: (id: string) =>
      id === NO_MECHANISM
        ? t('report.outsideMechanisms')
        : named(
            mechanisms,
            (m) => m.id === id,
            (m) => pick(mechanismName(m)),
          ),
    port: (id: string) => named(ports, (p) => p.id === id, portName),
    area: (id: string) =>
      named(
        areas,
        (a) => a.id === id,
        (a) => pick(a.properties.name),
      ),
  };
}

export type PlaceNames = ReturnType<typeof usePlaceNames>;
