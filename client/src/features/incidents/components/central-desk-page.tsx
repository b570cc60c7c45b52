import { Link } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';
import { useEscalations } from '../api/list-escalations.js';
import { pendingGovernments } from '@shared/incidents/rules.js';
import { acknowledgingGovernments } from '../acknowledgements.js';
import { IncidentBadges } from './incident-badges.js';

/** Plan of Action V: central authorities (Washington – Mexico City) take over what local ones missed. */
export function CentralDeskPage() {
  const { t, formatTime, describeError } = useI18n();
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
          const escalated = incident.alerts.find((alert) => alert.escalatedAt);
          const missing = pendingGovernments(acknowledgingGovernments(incident.alerts)).map((g) =>
            t(`government.${g}`),
          );
          return (
            <li key={incident.id} className={`feed-row severity-edge-${incident.severity}`}>
              <Link to={`/incidents/${incident.id}`} className="feed-link">
                <span className="feed-title">{t(`incidentType.${incident.type}`)}</span>
                <IncidentBadges incident={incident} />
                <span className="feed-summary">{incident.summary}</span>
                <span className="muted">
                  {escalated?.escalatedAt && t('centralDesk.escalatedAt', { time: formatTime(escalated.escalatedAt) })}
                  {missing.length > 0 && ` · ${t('centralDesk.missing', { governments: missing.join(', ') })}`}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
