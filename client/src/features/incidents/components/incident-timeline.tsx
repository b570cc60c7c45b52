import { incidentStatuses, type IncidentStatus, type TimelineEntry } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';

const isStatus = (value: unknown): value is IncidentStatus => incidentStatuses.includes(value as IncidentStatus);

export function IncidentTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, formatTime } = useI18n();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{formatTime(entry.at)}</time> <strong>{entry.by}</strong>{' '}
          {t(`timeline.${entry.kind}`)}
          {entry.kind === 'status' && isStatus(entry.data.to) && <> → {t(`status.${entry.data.to}`)}</>}
          {entry.text && <p className="timeline-text">{entry.text}</p>}
        </li>
      ))}
    </ol>
  );
}
