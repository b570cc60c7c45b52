import { Link } from 'react-router';
import { staleInvestigationDays } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useInvestigations } from '../api/list-investigations.js';
import { PlaceLine } from './place-line.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';

/** Supervisors' follow-up: incidents that need an investigation, flagged when missing or stale. */
export function InvestigationsPage() {
  const { t, viewerTimeZone, describeError } = useI18n();
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
        // On a phone the table scrolls sideways inside its frame; the page itself never does.
        <div className="table-scroll" role="region" aria-label={t('investigations.title')} tabIndex={0}>
          <table className="table stack-on-phone" data-testid="investigations">
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
                  <td data-label={t('investigations.incident')}>
                    <Link to={`/incidents/${incident.id}`}>{t(`incidentType.${incident.type}`)}</Link>
                    {incident.exercise && (
                      <>
                        {' '}
                        <ExerciseBadge />
                      </>
                    )}
                    <div className="muted">
                      <ZonedTime iso={incident.occurredAt} timeZone={incident.place?.timeZone ?? viewerTimeZone} />
                    </div>
                    <div className="muted">
                      <PlaceLine incident={incident} />
                    </div>
                  </td>
                  <td data-label={t('investigation.leadAgency')}>{investigation?.leadAgency ?? '—'}</td>
                  <td data-label={t('investigation.caseReference')}>{investigation?.caseReference ?? '—'}</td>
                  <td data-label={t('investigation.status')}>
                    {investigation ? t(`investigationStatus.${investigation.status}`) : '—'}
                  </td>
                  <td data-label={t('investigations.record')}>
                    <span className={`badge flag-${flag}`}>{t(`investigations.flag.${flag}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
