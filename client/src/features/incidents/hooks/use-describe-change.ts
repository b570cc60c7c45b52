import type { IncidentStatus } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import type { IncidentChange } from '../api/update-incident.js';
import { handOffLabel } from '../components/incident-changes.js';

/** What the user tried to do, in words, for the version-conflict notice. */
export function useDescribeChange() {
  const { t } = useI18n();
  return (change: IncidentChange, from: IncidentStatus) => {
    if (change.status) return t(handOffLabel(from, change.status));
    if (change.people) return t('incidents.people', change.people);
    return change.note ?? change.summary ?? '';
  };
}
