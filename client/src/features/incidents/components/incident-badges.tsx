import type { Incident } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';

/** Severity and status chips, and the demo marker, the same everywhere an incident is listed. */
export function IncidentBadges({ incident }: { incident: Pick<Incident, 'severity' | 'status' | 'demo'> }) {
  const { t } = useI18n();
  return (
    <span className="badges">
      <span className={`badge severity-${incident.severity}`}>{t(`severity.${incident.severity}`)}</span>
      <span className={`badge status-${incident.status}`}>{t(`status.${incident.status}`)}</span>
      {incident.demo && (
        <span className="badge demo" title={t('incidents.demoTitle')} data-testid="demo-badge">
          {t('incidents.demo')}
        </span>
      )}
    </span>
  );
}
