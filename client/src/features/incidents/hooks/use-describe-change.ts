import { useI18n } from '@client/lib/i18n.js';
import type { IncidentChange } from '../api/update-incident.js';

/** What the user tried to do, in words, for the version-conflict notice. */
export function useDescribeChange() {
  const { t } = useI18n();
  return (change: IncidentChange) => {
    if (change.status) return t('incident.moveTo', { status: t(`status.${change.status}`) });
    if (change.people) return t('incidents.people', change.people);
    return change.note ?? change.summary ?? '';
  };
}
