import { Temporal } from 'temporal-polyfill';
import { countries, type Country } from '@shared/auth.js';
import type { CoverageGap, MechanismDetail } from '@shared/liaison/contract.js';
import type { DutyInterval } from '@shared/liaison/rotation.js';
import { useI18n } from '@client/lib/i18n.js';
import { formatInZone, zoneAbbreviation } from '@client/lib/zoned-time.js';
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

/** The hour scale's ticks, in the mechanism's local hours. */
const TICK_HOURS = [0, 6, 12, 18];
const hm = { hour: 'numeric', minute: '2-digit' } as const;

/**
 * The coming seven local days of a mechanism: for each day, one track per side and call
 * order with who is on duty, and every gap in red — an empty shift on its own track, a
 * side with nobody at all across all of that side's tracks. Never a silent hole. An hour
 * scale in the mechanism's zone heads the days and rules every track; each bar says its times.
 */
export function WeekView({ mechanism, week, now }: { mechanism: MechanismDetail; week: WeekData; now: number }) {
  const { t, language } = useI18n();
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
  const time = (iso: string) => formatInZone(new Date(iso), tz, language, hm);
  /** Where each tick falls on `day` (a day with a clock change is an hour shorter or longer). */
  const ticksOf = (day: Temporal.PlainDate) => {
    const start = day.toZonedDateTime(tz).epochMilliseconds;
    const end = day.add({ days: 1 }).toZonedDateTime(tz).epochMilliseconds;
    return TICK_HOURS.map((hour) => {
      const at = day.toZonedDateTime({ timeZone: tz, plainTime: { hour } }).epochMilliseconds;
      return { hour, at, left: `${((at - start) / (end - start)) * 100}%` };
    });
  };
  const firstDay = week.days[0];

  return (
    <div className="week-view" data-testid="week-view">
      <p className="muted">{t('liaison.week.legend')}</p>
      {firstDay && (
        <div className="week-day week-scale" data-testid="week-scale">
          <div className="week-day-label muted">{zoneAbbreviation(tz, new Date(now))}</div>
          <div className="lane">
            <span />
            <div className="hour-scale">
              {ticksOf(firstDay).map((tick) => (
                <span key={tick.hour} className="hour-tick" style={{ left: tick.left }}>
                  {formatInZone(new Date(tick.at), tz, language, hm)}
                </span>
              ))}
            </div>
          </div>
        </div>
      )}
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
                      {ticksOf(day).map((tick) => (
                        <span key={tick.hour} className="hour-line" style={{ left: tick.left }} />
                      ))}
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
                            data-testid="week-segment"
                          >
                            <span className="segment-name">{name(i.memberId)}</span>{' '}
                            <span className="segment-time">{`${time(i.start)}–${time(i.end)}`}</span>
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
                          >
                            <span className="segment-time">{`${time(g.start)}–${time(g.end)}`}</span>
                          </span>
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
