import { mechanismName } from '@shared/reference/place.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';

/** One line naming a mechanism, for the map's list of what is in view (keyboard and screen readers). */
export function MechanismLabel({ featureId }: { featureId: string }) {
  const { pick } = useI18n();
  const mechanism = useMechanisms().data?.find((m) => m.id === featureId);
  return <>{mechanism ? pick(mechanismName(mechanism)) : featureId}</>;
}
