import type { Advisory } from '@shared/advisories/contract.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { useI18n } from '@client/lib/i18n.js';

/** Hazard, severity, status — and EXERCISE, loud, on every drill (issue 18: marked everywhere). */
export function AdvisoryBadges({
  advisory,
}: {
  advisory: Pick<Advisory, 'hazard' | 'severity' | 'status' | 'exercise'>;
}) {
  const { t } = useI18n();
  return (
    <span className="advisory-badges">
      {advisory.exercise && <ExerciseBadge />}
      <span className="badge">{t(`hazard.${advisory.hazard}`)}</span>
      <span className={`badge advisory-severity-${advisory.severity}`}>
        {t(`advisorySeverity.${advisory.severity}`)}
      </span>
      <span className="badge">{t(`advisoryStatus.${advisory.status}`)}</span>
    </span>
  );
}
