import { useMemo } from 'react';
import { addDays } from '@shared/reports/period.js';
import { useI18n } from '@client/lib/i18n.js';
import { formatInZone } from '@client/lib/zoned-time.js';

/** Calendar dates carry no zone: they are written as read, on UTC midnight. */
const onDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** `part` of `whole` as a share, 0 when there is no whole. */
export const shareOf = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** How the report writes its dates, months, durations and shares, in the reader's language. */
export function useReportFormat() {
  const { t, language, formatNumber } = useI18n();
  return useMemo(() => {
    const percent = (share: number) => t('report.percent', { percent: formatNumber(Math.round(share * 100)) });
    const date = (day: string) => formatInZone(onDate(day), 'UTC', language, { dateStyle: 'medium' });
    return {
      /** "Jun 1, 2026" / "1 jun 2026". */
      date,
      /** "2026-06" → "Jun 2026" / "jun 2026". */
      month: (month: string) =>
        formatInZone(onDate(`${month}-01`), 'UTC', language, { month: 'short', year: 'numeric' }),
      /** "2026-06" → "June 2026" / "junio de 2026": a month as a period's name. */
      monthName: (month: string) =>
        formatInZone(onDate(`${month}-01`), 'UTC', language, { month: 'long', year: 'numeric' }),
      /** A period with its exclusive end shown as the last day it holds: "Jun 1, 2026 – Jun 30, 2026". */
      period: (period: { from: string; to: string }) =>
        t('report.periodRange', { from: date(period.from), to: date(addDays(period.to, -1)) }),
      /** A response time at the grain a reader compares: "45 s", "12 min", "3 h 5 min", "2 days". */
      duration: (seconds: number) => {
        if (seconds < 60) return t('report.seconds', { seconds });
        const minutes = Math.round(seconds / 60);
        if (minutes < 60) return t('duration.minutes', { minutes });
        if (minutes < 48 * 60) return t('duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
        return t('duration.days', { count: Math.floor(minutes / (24 * 60)) });
      },
      /** The change from the period before: "+3 (+25 %)", "−2 (−50 %)", "+4 (none before)". */
      change: (now: number, before: number) => {
        const difference = now - before;
        const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
        const amount = `${sign}${formatNumber(Math.abs(difference))}`;
        if (before === 0) return now === 0 ? amount : t('report.changeFromNone', { amount });
        return t('report.changeBy', { amount, percent: `${sign}${percent(Math.abs(difference) / before)}` });
      },
      /** A share as a whole percentage: "83%" / "83 %". */
      percent,
    };
  }, [t, language, formatNumber]);
}
