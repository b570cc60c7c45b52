import type { Port } from '@shared/reference/contract.js';
import type { Arrangement, RepatriationWindow } from '@shared/repatriation/contract.js';
import { portName } from '@shared/repatriation/engine.js';
import { formatClockRange, formatWhen } from '@shared/repatriation/messages.js';
import { offsetMinutes, type LocalDay } from '@shared/repatriation/wall-clock.js';
import { windowZone } from '@shared/repatriation/windows.js';
import { zoneAbbreviation } from '@shared/time-zone.js';
import { useI18n } from '@client/lib/i18n.js';
import { Provenance } from './provenance.js';
import { StatusLine } from './status-line.js';
import { SubscribeLinks } from './subscribe-links.js';

/** Which week to show next: the one before or after the week shown, or the current one. */
export type WeekShift = 'previous' | 'next' | 'this';

interface Props {
  port: Port;
  arrangement: Arrangement;
  /** The shown week's days at the port, Monday first. */
  week: readonly LocalDay[];
  isThisWeek: boolean;
  onShowWeek: (which: WeekShift) => void;
  /** Occurrences of the shown week, and from this week's Monday into next week (the status line looks ahead). */
  windows: readonly RepatriationWindow[];
  now: number;
}

/** The side of the border whose clock the arrangement is not written in. */
function otherSide(port: Port, zone: string): { zone: string; side: 'US' | 'MX' } {
  return zone === port.mxTimeZone ? { zone: port.usTimeZone, side: 'US' } : { zone: port.mxTimeZone, side: 'MX' };
}

/**
 * A port's week as a calendar in the port's local time (with the zone's abbreviation), the
 * other side's clock where it differs, the status line, closures and the calendar feed.
 */
export function PortSchedule({ port, arrangement, week, isThisWeek, onShowWeek, windows, now }: Props) {
  const { t, language } = useI18n();
  const zone = windowZone(arrangement, port);
  const other = otherSide(port, zone);
  const closed = port.status !== 'open';
  // One zone abbreviation for the week; a block shows its own only across a daylight-saving change.
  const caption = zoneAbbreviation(zone, now);
  const clockRange = (start: number, end: number, in_: string) => {
    const text = formatClockRange(start, end, in_, language);
    return in_ === zone && text.endsWith(` ${caption}`) && !text.includes(`${caption}–`)
      ? text.slice(0, -caption.length - 1)
      : text;
  };
  const weekTitle = isThisWeek
    ? t('repatriation.weekTitle', { zone: caption })
    : t('repatriation.weekOfTitle', {
        zone: caption,
        date: new Intl.DateTimeFormat(language === 'es' ? 'es-MX' : 'en-US', {
          timeZone: zone,
          dateStyle: 'long',
        }).format(week[0]!.start + 12 * 3_600_000),
      });
  const dayHeader = new Intl.DateTimeFormat(language === 'es' ? 'es-MX' : 'en-US', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });

  return (
    <section className="port-schedule" aria-labelledby="port-schedule-title" data-testid="port-schedule">
      <header className="schedule-header">
        <div>
          <h2 id="port-schedule-title">{portName(port)}</h2>
          <p className="muted">
            {arrangement.name}
            {arrangement.illustrative && (
              <span
                className="badge illustrative"
                title={t('repatriation.illustrativeTitle')}
                data-testid="illustrative"
              >
                {t('repatriation.illustrative')}
              </span>
            )}
          </p>
        </div>
        <StatusLine port={port} zone={zone} windows={windows} now={now} />
      </header>
      {closed && (
        <p className="notice closure" role="status" data-testid="port-closure">
          {t('repatriation.closureNotice', {
            status: t(`map.portStatus.${port.status}`),
            reason: port.statusReason ? t(`portStatusReason.${port.statusReason}`) : t('repatriation.noReason'),
            since: port.statusChangedAt ? formatWhen(Date.parse(port.statusChangedAt), zone, language, now) : '—',
          })}
          {port.statusNote && <span className="closure-note"> {port.statusNote}</span>}
        </p>
      )}
      <div className="week-bar">
        <h3 className="week-caption" data-testid="week-caption">
          {weekTitle}
        </h3>
        <div className="week-nav" role="group" aria-label={t('repatriation.weekNav')}>
          <button type="button" onClick={() => onShowWeek('previous')}>
            {t('repatriation.previousWeek')}
          </button>
          {!isThisWeek && (
            <button type="button" onClick={() => onShowWeek('this')}>
              {t('repatriation.thisWeek')}
            </button>
          )}
          <button type="button" onClick={() => onShowWeek('next')}>
            {t('repatriation.nextWeek')}
          </button>
        </div>
      </div>
      <ol className="week" aria-label={weekTitle}>
        {week.map((day) => {
          const occurrences = windows.filter((w) => Date.parse(w.start) >= day.start && Date.parse(w.start) < day.end);
          const isToday = now >= day.start && now < day.end;
          return (
            <li key={day.date} className={`day ${isToday ? 'today' : ''}`} data-date={day.date}>
              <h3>{dayHeader.format(day.start + 12 * 3_600_000)}</h3>
              {occurrences.length === 0 && <p className="muted">{t('repatriation.noWindow')}</p>}
              {occurrences.map((w) => {
                const [start, end] = [Date.parse(w.start), Date.parse(w.end)];
                const blocked = closed && end > now;
                const differs = offsetMinutes(start, other.zone) !== offsetMinutes(start, zone);
                return (
                  <div key={w.start} className={`window ${blocked ? 'blocked' : ''}`} data-testid="window">
                    <strong>{clockRange(start, end, zone)}</strong>
                    {w.vulnerableStart && w.vulnerableEnd ? (
                      <span className="daylight">
                        {t('repatriation.daylight', {
                          range: clockRange(Date.parse(w.vulnerableStart), Date.parse(w.vulnerableEnd), zone),
                        })}
                      </span>
                    ) : (
                      <span className="daylight">{t('repatriation.noDaylight')}</span>
                    )}
                    {differs && (
                      <span className="other-clock">
                        {t('repatriation.otherClock', {
                          side: t(`government.${other.side}`),
                          range: clockRange(start, end, other.zone),
                        })}
                      </span>
                    )}
                    {blocked && <span className="blocked-label">{t(`map.portStatus.${port.status}`)}</span>}
                  </div>
                );
              })}
            </li>
          );
        })}
      </ol>
      <footer className="schedule-footer">
        <Provenance arrangement={arrangement} />
        <SubscribeLinks query={{ port: port.id }} label={t('repatriation.subscribePort')} />
        <SubscribeLinks query={{ arrangement: arrangement.id }} label={t('repatriation.subscribeArrangement')} />
      </footer>
    </section>
  );
}
