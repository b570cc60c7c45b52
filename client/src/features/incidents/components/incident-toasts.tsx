import { useEffect, useState } from 'react';
import type { Incident } from '../../../../../shared/incidents.js';
import { useI18n } from '../../../app/i18n.js';
import { useLiveEvents } from '../../../app/live.js';
import { Link } from '../../../app/routing.js';
import { playAlertCue } from '../hooks/use-alert-sound.js';
import { IncidentBadges } from './incident-badges.js';

const TOAST_MS = 15_000;

/** Plan of Action V, early alert: a toast and a tone the moment a new incident is reported. */
export function IncidentToasts() {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Incident[]>([]);
  const dismiss = (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id));

  useLiveEvents(['incident.created'], ({ data }) => {
    const incident = data.incident as Incident | undefined;
    if (!incident) return;
    setToasts((current) => [incident, ...current.filter((toast) => toast.id !== incident.id)]);
    playAlertCue();
  });

  useEffect(() => {
    if (!toasts.length) return;
    const oldest = toasts[toasts.length - 1]!;
    const timer = setTimeout(() => dismiss(oldest.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((incident) => (
        <div key={incident.id} className={`toast severity-edge-${incident.severity}`} data-testid="incident-toast" role="alert">
          <strong>{t('incidents.newToast', { type: t(`incidentType.${incident.type}`) })}</strong>
          <IncidentBadges incident={incident} />
          <p className="toast-summary">{incident.summary}</p>
          <div className="toast-actions">
            <Link to={`/incidents/${incident.id}`} onClick={() => dismiss(incident.id)}>{t('incidents.open')}</Link>
            <button type="button" onClick={() => dismiss(incident.id)}>{t('common.close')}</button>
          </div>
        </div>
      ))}
    </div>
  );
}
