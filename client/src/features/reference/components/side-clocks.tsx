import type { Port } from '@shared/reference/contract.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { sameWallClock } from '@client/lib/zoned-time.js';

/**
 * When something happened at a port, as both sides of the bridge read it: one time where
 * their clocks agree (with the reader's own where it differs), each side's where they don't.
 * The reader's side comes first.
 */
export function SideClocks({ iso, port }: { iso: string; port: Pick<Port, 'usTimeZone' | 'mxTimeZone'> }) {
  const { t, language, formatTime, zoneName } = useI18n();
  if (sameWallClock(iso, port.usTimeZone, port.mxTimeZone))
    return <ZonedTime iso={iso} timeZone={language === 'es' ? port.mxTimeZone : port.usTimeZone} />;
  const sides = [
    { side: 'MX' as const, time: formatTime(iso, port.mxTimeZone), zone: port.mxTimeZone },
    { side: 'US' as const, time: formatTime(iso, port.usTimeZone), zone: port.usTimeZone },
  ];
  if (language === 'en') sides.reverse();
  return (
    <time dateTime={iso} className="zoned-time side-clocks">
      {sides.map(({ side, time, zone }, i) => (
        <span key={side} title={zoneName(zone, iso)}>
          {i > 0 && ' · '}
          {t('ports.sideClock', { side: t(`government.${side}`), time })}
        </span>
      ))}
    </time>
  );
}
