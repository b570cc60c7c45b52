import { Link } from 'react-router';
import { pendingGovernments } from '@shared/incidents/rules.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { useEscalations } from '../api/list-escalations.js';
import { acknowledgingGovernments, settledAt } from '../acknowledgements.js';
import { IncidentBadges } from './incident-badges.js';
import { PlaceLine } from './place-line.js';

/**
 * Plan of Action V: central authorities (Washington – Mexico City) take over what local
 * ones missed. An escalation both governments have since acknowledged, or whose incident
 * was resolved or closed, shows as settled.
 */
export function CentralDeskPage() {
  const { t, viewerTimeZone, describeError } = useI18n();
  const { data: items, error } = useEscalations();

  return (
    <section className="page">
      <h1>{t('centralDesk.title')}</h1>
      <p className="muted">{t('centralDesk.intro')}</p>
      {error ? (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      ) : null}
      {items?.length === 0 && <p className="muted">{t('centralDesk.empty')}</p>}
      <ul className="feed" data-testid="escalations">
        {items?.map((incident) => {
          const zone = incident.place?.timeZone ?? viewerTimeZone;
          const escalated = incident.alerts.find((alert) => alert.escalatedAt)?.escalatedAt;
          const settled = settledAt(incident.alerts);
          const missing = pendingGovernments(acknowledgingGovernments(incident.alerts)).map((g) =>
            t(`government.${g}`),
          );
          return (
            <li
              key={incident.id}
              className={`feed-row severity-edge-${incident.severity} ${settled ? 'settled' : ''}`}
              data-testid="escalation-row"
              data-state={settled ? 'settled' : 'open'}
            >
              <Link to={`/incidents/${incident.id}`} className="feed-link">
                <span className="feed-title">{t(`incidentType.${incident.type}`)}</span>
                <IncidentBadges incident={incident} />
                <PlaceLine incident={incident} />
                <span className="feed-summary">{incident.summary}</span>
                <span className="muted">
                  {escalated && (
                    <>
                      {t('centralDesk.escalatedAt')} <ZonedTime iso={escalated} timeZone={zone} />
                    </>
                  )}
                </span>
                {settled ? (
                  <span className="ack-done" data-testid="escalation-settled">
                    {t('centralDesk.settled')} <ZonedTime iso={settled} timeZone={zone} />
                  </span>
                ) : (
                  missing.length > 0 && (
                    <span className="ack-pending">{t('centralDesk.missing', { governments: missing.join(', ') })}</span>
                  )
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
