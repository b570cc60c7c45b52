import { useI18n } from '@client/lib/i18n.js';
import './zoned-time.css';

interface Props {
  iso: string;
  /** The zone the time is read in first: the place's local clock. */
  timeZone: string;
  /** Only the hour and minute (a timeline, a clock), not the date. */
  clockOnly?: boolean;
}

/**
 * A time as both sides of a call read it: in the place's zone with its abbreviation and,
 * where the reader's own clock shows something else, theirs too ("14:30 PDT (16:30 CDT
 * su hora)"). The zone's readable name is the tooltip; the instant is machine-readable.
 */
export function ZonedTime({ iso, timeZone, clockOnly = false }: Props) {
  const { t, formatTime, formatClock, viewerTimeZone, zoneName } = useI18n();
  const format = clockOnly ? formatClock : formatTime;
  const local = format(iso, timeZone);
  const yours = format(iso, viewerTimeZone);
  return (
    <time dateTime={iso} title={zoneName(timeZone, iso)} className="zoned-time">
      {local}
      {yours !== local && <span className="viewer-time"> ({t('time.yours', { time: yours })})</span>}
    </time>
  );
}
