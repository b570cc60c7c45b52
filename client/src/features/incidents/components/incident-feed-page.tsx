import { Link } from 'react-router';
import type { AwaitingAcknowledgement, Incident } from '@shared/incidents/contract.js';
import {
  incidentStatuses,
  incidentTypes,
  severities,
  type IncidentStatus,
  type IncidentType,
  type Severity,
} from '@shared/incidents/contract.js';
import { Badge } from '@client/components/badge.js';
import { DateField } from '@client/components/date-time-fields.js';
import { Feed, FeedItem } from '@client/components/feed.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { useAwaitingAcknowledgement } from '../api/list-awaiting.js';
import { feedFilters, useIncidentFeed, type FeedFilters } from '../api/list-incidents.js';
import { countdown } from '../acknowledgements.js';
import { IncidentBadges } from './incident-badges.js';
import { MechanismFilter } from './mechanism-filter.js';
import '../incidents.css';
import { PlaceLine } from './place-line.js';

/**
 * The incidents feed (closed ones too, unless filtered out): every filter lives in the URL,
 * so a filtered feed can be bookmarked and shared; rows say where, and what waits for the
 * reader's government with its deadline.
 */
export function IncidentFeedPage() {
  const { t, describeError } = useI18n();
  const can = useCan();
  const user = useUser();
  const [filters, setFilters] = useValidatedSearchParams(feedFilters);
  const feed = useIncidentFeed(filters, user.country);
  const awaiting = useAwaitingAcknowledgement(can('incident.acknowledge'));
  const deadlines = new Map((awaiting.data?.items ?? []).map((item) => [item.incidentId, item]));
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = feed.isPending || feed.isFetchingNextPage;
  const government = t(`government.${user.country}`);
  const filtered = Object.values(filters).some(Boolean);
  const select = <K extends keyof FeedFilters>(name: K) => ({
    name,
    value: filters[name] ?? '',
    onChange: (event: { target: { value: string } }) =>
      setFilters({ [name]: event.target.value || undefined } as Partial<FeedFilters>),
  });

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('incidents.feedTitle')}</h1>
        {can('incident.report') && (
          <Link to="/incidents/new" className="button primary" data-testid="report-incident">
            {t('incidents.report')}
          </Link>
        )}
      </header>
      <div className="filters" data-testid="feed-filters">
        <label>
          {t('incidents.filterStatus')}
          <select {...select('status')}>
            <option value="">{t('incidents.any')}</option>
            {incidentStatuses.map((s: IncidentStatus) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filterType')}
          <select {...select('type')}>
            <option value="">{t('incidents.any')}</option>
            {incidentTypes.map((it: IncidentType) => (
              <option key={it} value={it}>
                {t(`incidentType.${it}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filterSeverity')}
          <select {...select('severity')}>
            <option value="">{t('incidents.any')}</option>
            {severities.map((s: Severity) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <MechanismFilter value={filters.mechanism} onChange={(mechanism) => setFilters({ mechanism })} />
        <DateField
          label={t('incidents.filterFrom')}
          name="from"
          value={filters.from}
          onChange={(from) => setFilters({ from })}
        />
        <DateField label={t('incidents.filterTo')} name="to" value={filters.to} onChange={(to) => setFilters({ to })} />
        {can('incident.acknowledge') && (
          <label className="filter-check">
            <input
              type="checkbox"
              name="awaiting"
              checked={filters.awaiting === 'mine'}
              onChange={(event) => setFilters({ awaiting: event.target.checked ? 'mine' : undefined })}
            />
            {t('incidents.filterAwaiting', { government })}
            <Badge tone="outline" data-testid="awaiting-filter-count">
              {awaiting.data?.items.length ?? 0}
            </Badge>
          </label>
        )}
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setFilters({
                status: undefined,
                type: undefined,
                severity: undefined,
                mechanism: undefined,
                from: undefined,
                to: undefined,
                awaiting: undefined,
              })
            }
          >
            {t('incidents.clearFilters')}
          </button>
        )}
      </div>
      {feed.error ? (
        <p role="alert" className="error">
          {describeError(feed.error)}
        </p>
      ) : null}
      <Feed data-testid="incident-feed">
        {items.map((incident) => (
          <FeedRow key={incident.id} incident={incident} awaiting={deadlines.get(incident.id)} />
        ))}
      </Feed>
      {!loading && !feed.error && items.length === 0 && <p className="muted">{t('incidents.empty')}</p>}
      {loading && <p className="muted">{t('shell.loading')}</p>}
      {feed.hasNextPage && !loading && (
        <button type="button" onClick={() => void feed.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

function FeedRow({ incident, awaiting }: { incident: Incident; awaiting: AwaitingAcknowledgement | undefined }) {
  const { t, viewerTimeZone } = useI18n();
  return (
    <FeedItem
      to={`/incidents/${incident.id}`}
      title={t(`incidentType.${incident.type}`)}
      className={`severity-edge-${incident.severity}`}
      data-testid="incident-row"
      data-incident-id={incident.id}
    >
      <IncidentBadges incident={incident} />
      <PlaceLine incident={incident} />
      <span className="feed-summary">{incident.summary}</span>
      <span className="muted">
        <ZonedTime iso={incident.occurredAt} timeZone={incident.place?.timeZone ?? viewerTimeZone} /> ·{' '}
        {incident.reportingAgency} ({t(`government.${incident.reportingCountry}`)})
      </span>
      {awaiting && <Deadline awaiting={awaiting} />}
    </FeedItem>
  );
}

/** The reader's government's deadline on this incident, counting down. */
function Deadline({ awaiting }: { awaiting: AwaitingAcknowledgement }) {
  const { t } = useI18n();
  const user = useUser();
  const now = useNow();
  const left = Date.parse(awaiting.ackDeadline) - now;
  const government = t(`government.${user.country}`);
  return (
    <span className={left > 0 ? 'deadline row-deadline' : 'deadline row-deadline overdue'} data-testid="row-deadline">
      {left > 0 ? t('incidents.dueIn', { government, time: countdown(left) }) : t('incidents.overdue', { government })}
    </span>
  );
}
