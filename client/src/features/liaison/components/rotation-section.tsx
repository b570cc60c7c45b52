import { useMemo, useState } from 'react';
import { Temporal } from 'temporal-polyfill';
import type { MechanismDetail } from '@shared/liaison/contract.js';
import { coverageGaps, dutyIntervals } from '@shared/liaison/rotation.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useDutyChanges } from '../api/rotation.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { RotationEditor } from './rotation-editor.js';
import { WeekView, type WeekData } from './week-view.js';

const WEEK_DAYS = 7;

/**
 * The rotation as the coming week will run it (overrides applied, gaps shown), the gaps
 * listed with a way to mark each as intended, and the weekly rotation's editor.
 */
export function RotationSection({ mechanism, editable }: { mechanism: MechanismDetail; editable: boolean }) {
  const { t, describeError } = useI18n();
  const zoned = useZonedTime();
  const now = useNow(60_000);
  const duty = useDutyChanges(mechanism.id);
  const [editing, setEditing] = useState(false);
  const minute = Math.floor(now / 60_000);
  const week = useMemo((): WeekData => {
    const tz = mechanism.timeZone;
    const today = Temporal.Instant.fromEpochMilliseconds(minute * 60_000)
      .toZonedDateTimeISO(tz)
      .toPlainDate();
    const days = Array.from({ length: WEEK_DAYS }, (_, i) => today.add({ days: i }));
    const from = today.toZonedDateTime(tz).toInstant().toString();
    const to = today.add({ days: WEEK_DAYS }).toZonedDateTime(tz).toInstant().toString();
    const gapsFrom = new Date(minute * 60_000).toISOString();
    const roster = { ...mechanism, mechanismId: mechanism.id };
    return { days, intervals: dutyIntervals(roster, from, to), gaps: coverageGaps(roster, gapsFrom, to) };
  }, [mechanism, minute]);
  const tz = mechanism.timeZone;

  return (
    <section className="rotation" data-testid="rotation">
      <h2>{t('liaison.rotation.title')}</h2>
      <p className="muted">{t('liaison.rotation.intro', { zone: zoned.zoneName(tz) })}</p>
      <h3>{t('liaison.week.title')}</h3>
      <WeekView mechanism={mechanism} week={week} now={now} />
      <h3>{t('liaison.gaps.title')}</h3>
      {week.gaps.length === 0 ? (
        <p className="muted">{t('liaison.gaps.none')}</p>
      ) : (
        <ul className="gap-list" data-testid="gap-list">
          {week.gaps.map((gap) => (
            <li key={`${gap.side}-${gap.kind}-${gap.escalation}-${gap.start}`} className="gap-item">
              <span className="error">
                {gap.kind === 'uncovered'
                  ? t('liaison.gap.uncovered')
                  : t('liaison.gap.emptyShift', { position: gap.escalation ?? '' })}
              </span>{' '}
              {t('liaison.gap.span', {
                side: t(`liaison.side.${gap.side}`),
                from: zoned.dateTime(gap.start, tz),
                to: zoned.dateTime(gap.end, tz),
              })}
              {editable && (
                <button
                  type="button"
                  onClick={() =>
                    duty.markIntended.mutate({ side: gap.side, start: gap.start, end: gap.end, reason: '' })
                  }
                  disabled={duty.markIntended.isPending}
                >
                  {t('liaison.gap.markIntended')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {duty.markIntended.error ? (
        <p role="alert" className="error">
          {describeError(duty.markIntended.error)}
        </p>
      ) : null}
      {editable &&
        (editing ? (
          <RotationEditor mechanism={mechanism} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" onClick={() => setEditing(true)} data-testid="edit-rotation">
            {t('liaison.rotation.edit')}
          </button>
        ))}
    </section>
  );
}
