import { Link } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';
import { useUnreadAlerts } from '../hooks/use-unread-alerts.js';
import { SeverityBadge } from './incident-badges.js';
import '../incidents.css';

/**
 * The top bar's unread marker: alerts that appeared as toasts and were not opened yet. It
 * stays until the user opens each incident (or marks them all seen), across reloads.
 */
export function UnreadAlerts() {
  const { t, formatClock } = useI18n();
  const { alerts, markAllSeen } = useUnreadAlerts();
  if (alerts.length === 0) return null;
  return (
    <details className="unread-alerts topbar-menu" data-testid="unread-alerts">
      <summary>
        <span className="unread-dot" aria-hidden="true" />
        {t('toast.unread', { count: alerts.length })}
      </summary>
      <div className="topbar-panel">
        <h2>{t('toast.unreadTitle')}</h2>
        <ul>
          {alerts.map((alert) => (
            <li key={alert.incidentId}>
              {/* Closes the list; the incident page marks the alert seen once it shows. */}
              <Link
                to={`/incidents/${alert.incidentId}`}
                onClick={(event) => event.currentTarget.closest('details')?.removeAttribute('open')}
              >
                {t(alert.escalated ? 'incidents.escalatedToast' : 'incidents.newToast', {
                  type: t(`incidentType.${alert.type}`),
                })}
              </Link>{' '}
              <SeverityBadge severity={alert.severity} />
              <span className="muted"> · {formatClock(alert.at)}</span>
              <div className="toast-summary">{alert.summary}</div>
            </li>
          ))}
        </ul>
        <button type="button" onClick={markAllSeen}>
          {t('toast.markAllSeen')}
        </button>
      </div>
    </details>
  );
}
