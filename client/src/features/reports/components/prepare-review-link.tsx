import { Link } from 'react-router';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useCan } from '@client/lib/use-can.js';
import { sinceLastMeeting } from '../period.js';
import { useReportFormat } from './report-format.js';

interface Props {
  mechanismId: string;
  /** The mechanism's zone: "today" on its clock ends the period. */
  timeZone: string;
  /** Its meetings, wall-clock starts in their own zones; the last one held starts the period. */
  meetings: readonly { startsAt: string; timeZone: string }[];
}

/**
 * "Prepare the review", on a mechanism's meetings: its report for the period since its last
 * meeting (Plan of Action I–II: periodic meetings to review results), to read or print for the next.
 */
export function PrepareReviewLink({ mechanismId, timeZone, meetings }: Props) {
  const { t } = useI18n();
  const fmt = useReportFormat();
  const clock = useClock();
  const can = useCan();
  if (!can('report.read', { mechanismId })) return null;
  const period = sinceLastMeeting(meetings, clock(), timeZone);
  const search = new URLSearchParams({ period: 'custom', ...period, mechanism: mechanismId });
  return (
    <Link className="button" to={`/reports?${search}`} data-testid="prepare-review">
      {t('report.prepareReview', { since: fmt.date(period.from) })}
    </Link>
  );
}
