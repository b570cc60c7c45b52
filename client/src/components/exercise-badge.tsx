import { useI18n } from '@client/lib/i18n.js';
import { Badge } from './badge.js';
import './exercise-badge.css';

/**
 * EXERCISE / SIMULACRO (issue 18): whatever was created in a drill — an incident, a planned
 * repatriation, a search-and-rescue operation, an advisory — carries this mark wherever it is shown, so it is never mistaken for the real
 * thing; drills are left out of statistics and reports.
 */
export function ExerciseBadge({ testId = 'exercise-badge' }: { testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge className="badge-exercise" title={t('exercise.badgeTitle')} data-testid={testId}>
      {t('exercise.badge')}
    </Badge>
  );
}
