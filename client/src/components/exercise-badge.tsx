import { useI18n } from '@client/lib/i18n.js';

/**
 * EXERCISE / SIMULACRO (issue 18): whatever was created in a drill — an incident, a planned
 * repatriation — carries this mark wherever it is shown, so it is never mistaken for the real
 * thing; drills are left out of statistics and reports.
 */
export function ExerciseBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-exercise" title={t('exercise.badgeTitle')} data-testid="exercise-badge">
      {t('exercise.badge')}
    </span>
  );
}
