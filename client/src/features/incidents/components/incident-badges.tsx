import type { Incident, IncidentStatus, Severity } from '@shared/incidents/contract.js';
import { Badge, Badges, type BadgeTone } from '@client/components/badge.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { useI18n } from '@client/lib/i18n.js';
import '../incidents.css';

/** High severity has its own orange (incidents.css); low is plain. */
const severityTones: Record<Severity, BadgeTone | null> = {
  low: null,
  medium: 'caution',
  high: null,
  critical: 'danger',
};
const statusTones: Record<IncidentStatus, BadgeTone> = {
  reported: 'info',
  acknowledged: 'warning',
  responding: 'warning',
  resolved: 'ok',
  closed: 'ok',
};

/** An incident's severity, coloured from grey (low) to red (critical). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <Badge tone={severityTones[severity]} className={`severity-${severity}`}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

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
    <Badges>
      {incident.exercise && <ExerciseBadge />}
      <SeverityBadge severity={incident.severity} />
      <Badge tone={statusTones[incident.status]} className={`status-${incident.status}`}>
        {t(`status.${incident.status}`)}
      </Badge>
      {incident.demo && (
        <Badge className="demo" title={t('incidents.demoTitle')} data-testid="demo-badge">
          {t('incidents.demo')}
        </Badge>
      )}
    </Badges>
  );
}
