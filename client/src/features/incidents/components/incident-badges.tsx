import type { Incident } from '@shared/incidents/contract.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { useI18n } from '@client/lib/i18n.js';

/**
 * Severity and status chips, and the exercise and demo markers, the same everywhere an
 * incident is listed (feed, page, toasts, central desk). An exercise comes first: it must
 * never be mistaken for the real thing.
 */
export function IncidentBadges({
  incident,
}: {
  incident: Pick<Incident, 'severity' | 'status' | 'demo'> & { exercise?: boolean };
}) {
  const { t } = useI18n();
  return (
    <span className="badges">
      {incident.exercise && <ExerciseBadge />}
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
