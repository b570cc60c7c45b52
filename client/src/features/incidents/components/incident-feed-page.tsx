import { Link } from 'react-router';
import { incidentStatuses, incidentTypes, type IncidentStatus, type IncidentType } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useCan } from '@client/lib/use-can.js';
import { feedFilters, useIncidentFeed } from '../api/list-incidents.js';
import { IncidentBadges } from './incident-badges.js';

/** The incident feed; its filters live in the URL, so a filtered feed can be bookmarked and shared. */
export function IncidentFeedPage() {
  const { t, formatTime, describeError } = useI18n();
  const can = useCan();
  const [filters, setFilters] = useValidatedSearchParams(feedFilters);
  const feed = useIncidentFeed(filters);
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = feed.isPending || feed.isFetchingNextPage;

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
      <div className="filters">
        <label>
          {t('incidents.filterStatus')}
          <select
            name="status"
            value={filters.status ?? ''}
            onChange={(e) => setFilters({ status: (e.target.value || undefined) as IncidentStatus | undefined })}
          >
            <option value="">{t('incidents.any')}</option>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('incidents.filterType')}
          <select
            name="type"
            value={filters.type ?? ''}
            onChange={(e) => setFilters({ type: (e.target.value || undefined) as IncidentType | undefined })}
          >
            <option value="">{t('incidents.any')}</option>
            {incidentTypes.map((it) => (
              <option key={it} value={it}>
                {t(`incidentType.${it}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {feed.error ? (
        <p role="alert" className="error">
          {describeError(feed.error)}
        </p>
      ) : null}
      <ul className="feed" data-testid="incident-feed">
        {items.map((incident) => (
          <li
            key={incident.id}
            className={`feed-row severity-edge-${incident.severity}`}
            data-testid="incident-row"
            data-incident-id={incident.id}
          >
            <Link to={`/incidents/${incident.id}`} className="feed-link">
              <span className="feed-title">{t(`incidentType.${incident.type}`)}</span>
              <IncidentBadges incident={incident} />
              <span className="feed-summary">{incident.summary}</span>
              <span className="muted">
                {t('incidents.occurred', { time: formatTime(incident.occurredAt) })} · {incident.reportingAgency} (
                {t(`government.${incident.reportingCountry}`)})
              </span>
            </Link>
          </li>
        ))}
      </ul>
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
