import type { Port } from '@shared/reference/contract.js';
import type { RepatriationWindow } from '@shared/repatriation/contract.js';
import { localeOf } from '@shared/i18n/index.js';
import { wallClockAt } from '@shared/repatriation/wall-clock.js';
import { zoneAbbreviation } from '@shared/time-zone.js';
import { useI18n } from '@client/lib/i18n.js';

interface Props {
  port: Pick<Port, 'status'>;
  zone: string;
  windows: readonly RepatriationWindow[];
  now: number;
}

/**
 * "Open for repatriation until 18:00 MST" / "Next window Tue 06:00 PDT" / closed: what an
 * officer at the port needs to know at a glance, on the port's clock.
 */
export function StatusLine({ port, zone, windows, now }: Props) {
  const { t, language } = useI18n();
  const clock = (ms: number, withDay: boolean) =>
    `${new Intl.DateTimeFormat(localeOf[language], {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(withDay ? { weekday: 'short' } : {}),
    }).format(ms)} ${zoneAbbreviation(zone, ms)}`;

  let text: string;
  let state: 'open' | 'waiting' | 'closed';
  const current = windows.find((w) => Date.parse(w.start) <= now && now < Date.parse(w.end));
  const next = windows.find((w) => Date.parse(w.start) > now);
  if (port.status !== 'open') {
    state = 'closed';
    text = t('repatriation.statusClosed', { status: t(`map.portStatus.${port.status}`) });
  } else if (current) {
    state = 'open';
    const end = Date.parse(current.end);
    const daylightEnd = current.vulnerableEnd ? Date.parse(current.vulnerableEnd) : null;
    const inDaylight =
      current.vulnerableStart !== null &&
      Date.parse(current.vulnerableStart) <= now &&
      daylightEnd !== null &&
      now < daylightEnd;
    // A window past midnight ends on another day: say which.
    text = t('repatriation.statusOpen', {
      until: clock(end, wallClockAt(end, zone).slice(0, 10) !== wallClockAt(now, zone).slice(0, 10)),
    });
    if (inDaylight && daylightEnd !== end)
      text += ` · ${t('repatriation.statusDaylight', { until: clock(daylightEnd!, false) })}`;
  } else if (next) {
    state = 'waiting';
    text = t('repatriation.statusNext', { when: clock(Date.parse(next.start), true) });
  } else {
    state = 'waiting';
    text = t('repatriation.statusNone');
  }
  return (
    <p className={`status-line status-${state}`} role="status" data-testid="status-line">
      {text}
    </p>
  );
}
