import { Temporal } from 'temporal-polyfill';
import { countries, type Country } from '@shared/auth.js';
import type { CoverageGap, MechanismDetail } from '@shared/liaison/contract.js';
import type { DutyInterval } from '@shared/liaison/rotation.js';
import { useI18n } from '@client/lib/i18n.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';

/** One horizontal track: a side and call order. */
interface Lane {
  side: Country;
  escalation: number;
}

export interface WeekData {
  days: Temporal.PlainDate[];
  intervals: DutyInterval[];
  gaps: CoverageGap[];
}

const ms = (iso: string) => Date.parse(iso);

/**
 * The coming seven local days of a mechanism: for each day, one track per side and call
 * order with who is on duty, and every gap in red — an empty shift on its own track, a
 * side with nobody at all across all of that side's tracks. Never a silent hole.
 */
export function WeekView({ mechanism, week, now }: { mechanism: MechanismDetail; week: WeekData; now: number }) {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const tz = mechanism.timeZone;
  const lanes: Lane[] = [
    ...new Map(
      [...mechanism.shifts, ...mechanism.overrides, ...week.gaps.filter((g) => g.escalation !== null)]
        .map((x) => ({ side: x.side, escalation: x.escalation ?? 1 }))
        .concat([
          { side: 'US', escalation: 1 },
          { side: 'MX', escalation: 1 },
        ])
        .map((lane) => [`${lane.side}${lane.escalation}`, lane]),
    ).values(),
  ].sort((a, b) => countries.indexOf(a.side) - countries.indexOf(b.side) || a.escalation - b.escalation);
  const name = (memberId: string | null) => mechanism.members.find((m) => m.id === memberId)?.name ?? '';

  return (
    <div className="week-view" data-testid="week-view">
      <p className="muted">{t('liaison.week.legend')}</p>
      {week.days.map((day) => {
        const start = day.toZonedDateTime(tz).epochMilliseconds;
        const end = day.add({ days: 1 }).toZonedDateTime(tz).epochMilliseconds;
        const place = (from: string, to: string) => {
          const left = Math.max(0, (ms(from) - start) / (end - start));
          const right = Math.min(1, (ms(to) - start) / (end - start));
          return right > left ? { left: `${left * 100}%`, width: `${(right - left) * 100}%` } : null;
        };
        return (
          <div key={day.toString()} className="week-day">
            <div className="week-day-label">{zoned.day(day, tz)}</div>
            <div className="week-lanes">
              {lanes.map((lane) => {
                const duty = week.intervals.filter(
                  (i) => i.side === lane.side && i.escalation === lane.escalation && i.memberId !== null,
                );
                const gaps = week.gaps.filter(
                  (g) => g.side === lane.side && (g.escalation === lane.escalation || g.kind === 'uncovered'),
                );
                return (
                  <div key={`${lane.side}${lane.escalation}`} className="lane">
                    <span className="lane-label">
                      {t(`liaison.sideShort.${lane.side}`)} {lane.escalation}
                    </span>
                    <div className="track">
                      {duty.map((i) => {
                        const style = place(i.start, i.end);
                        if (!style) return null;
                        const label = `${name(i.memberId)} ${zoned.clock(i.start, tz)}–${zoned.clock(i.end, tz)}`;
                        return (
                          <span
                            key={`${i.source.id}-${i.start}`}
                            className={`segment ${i.source.kind === 'override' ? 'segment-override' : ''}`}
                            style={style}
                            title={label}
                          >
                            {name(i.memberId)}
                          </span>
                        );
                      })}
                      {gaps.map((g) => {
                        const style = place(g.start, g.end);
                        return style ? (
                          <span
                            key={`${g.kind}-${g.start}`}
                            className="segment segment-gap"
                            style={style}
                            title={`${zoned.clock(g.start, tz)}–${zoned.clock(g.end, tz)}`}
                            data-testid="week-gap"
                          />
                        ) : null;
                      })}
                      {now >= start && now < end && (
                        <span className="now-marker" style={{ left: `${((now - start) / (end - start)) * 100}%` }} />
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
