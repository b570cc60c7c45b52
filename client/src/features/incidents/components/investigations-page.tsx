import { Link } from 'react-router';
import { staleInvestigationDays } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useInvestigations } from '../api/list-investigations.js';

/** Supervisors' follow-up: incidents that need an investigation, flagged when missing or stale. */
export function InvestigationsPage() {
  const { t, formatTime, describeError } = useI18n();
  const { data: items, error } = useInvestigations();

  return (
    <section className="page">
      <h1>{t('investigations.title')}</h1>
      <p className="muted">{t('investigations.intro', { days: staleInvestigationDays })}</p>
      {error ? (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      ) : null}
      {items?.length === 0 && <p className="muted">{t('investigations.empty')}</p>}
      {items && items.length > 0 && (
        <table className="table" data-testid="investigations">
          <thead>
            <tr>
              <th>{t('investigations.incident')}</th>
              <th>{t('investigation.leadAgency')}</th>
              <th>{t('investigation.caseReference')}</th>
              <th>{t('investigation.status')}</th>
              <th>{t('investigations.record')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ incident, investigation, flag }) => (
              <tr key={incident.id}>
                <td>
                  <Link to={`/incidents/${incident.id}`}>{t(`incidentType.${incident.type}`)}</Link>
                  <div className="muted">{formatTime(incident.occurredAt)}</div>
                </td>
                <td>{investigation?.leadAgency ?? '—'}</td>
                <td>{investigation?.caseReference ?? '—'}</td>
                <td>{investigation ? t(`investigationStatus.${investigation.status}`) : '—'}</td>
                <td>
                  <span className={`badge flag-${flag}`}>{t(`investigations.flag.${flag}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
