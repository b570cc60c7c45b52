import type { Advisory } from '@shared/advisories/contract.js';
import { Badge } from '@client/components/badge.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { useI18n } from '@client/lib/i18n.js';
import '../advisories.css';

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
      <Badge>{t(`hazard.${advisory.hazard}`)}</Badge>
      <Badge className={`advisory-severity-${advisory.severity}`}>{t(`advisorySeverity.${advisory.severity}`)}</Badge>
      <Badge>{t(`advisoryStatus.${advisory.status}`)}</Badge>
    </span>
  );
}
