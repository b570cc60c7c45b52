import { useMemo, useState } from 'react';
import { incidentStatuses, incidentTypes, type IncidentStatus, type IncidentType } from '@shared/incidents/contract.js';
import { useI18n } from '../../../app/i18n.js';
import { Link } from '../../../app/routing.js';
import { useIncidentFeed } from '../hooks/use-incident-feed.js';
import { IncidentBadges } from './incident-badges.js';

export function IncidentFeedPage() {
  const { t, formatTime, describeError } = useI18n();
  const [status, setStatus] = useState<IncidentStatus | ''>('');
  const [type, setType] = useState<IncidentType | ''>('');
  const filters = useMemo(() => ({ status: status || undefined, type: type || undefined }), [status, type]);
  const feed = useIncidentFeed(filters);

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('incidents.feedTitle')}</h1>
        <Link to="/incidents/new" className="button primary" data-testid="report-incident">{t('incidents.report')}</Link>
      </header>
      <div className="filters">
        <label>
          {t('incidents.filterStatus')}
          <select value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus | '')}>
            <option value="">{t('incidents.any')}</option>
            {incidentStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('incidents.filterType')}
          <select value={type} onChange={(e) => setType(e.target.value as IncidentType | '')}>
            <option value="">{t('incidents.any')}</option>
            {incidentTypes.map((it) => <option key={it} value={it}>{t(`incidentType.${it}`)}</option>)}
          </select>
        </label>
      </div>
      {feed.error ? <p role="alert" className="error">{describeError(feed.error)}</p> : null}
      <ul className="feed" data-testid="incident-feed">
        {feed.items.map((incident) => (
          <li key={incident.id} className={`feed-row severity-edge-${incident.severity}`} data-testid="incident-row" data-incident-id={incident.id}>
            <Link to={`/incidents/${incident.id}`} className="feed-link">
              <span className="feed-title">{t(`incidentType.${incident.type}`)}</span>
              <IncidentBadges incident={incident} />
              <span className="feed-summary">{incident.summary}</span>
              <span className="muted">{t('incidents.occurred', { time: formatTime(incident.occurredAt) })} · {incident.reportingAgency} ({t(`government.${incident.reportingCountry}`)})</span>
            </Link>
          </li>
        ))}
      </ul>
      {!feed.loading && !feed.error && feed.items.length === 0 && <p className="muted">{t('incidents.empty')}</p>}
      {feed.loading && <p className="muted">{t('shell.loading')}</p>}
      {feed.nextCursor && !feed.loading && <button type="button" onClick={feed.loadMore}>{t('common.loadMore')}</button>}
    </section>
  );
}
