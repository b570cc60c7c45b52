import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Country } from '@shared/auth.js';
import type { Incident } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useLiveEvent } from '@client/lib/live.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { incidentQuery } from '../api/get-incident.js';
import { playAlertCue } from '../hooks/use-alert-sound.js';
import { IncidentBadges } from './incident-badges.js';

const TOAST_MS = 15_000;

/** A new incident, or one escalated to the central desks with the governments still pending. */
type Toast = Incident & { pending?: Country[] };

/**
 * Plan of Action V, early alert: a toast and a tone the moment a new incident is reported
 * (not to the officer who reported it), and, for the central desks and supervisors, the
 * moment an alert escalates to them.
 */
export function IncidentToasts() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const queryClient = useQueryClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id));
  const show = (toast: Toast) => {
    setToasts((current) => [toast, ...current.filter((other) => other.id !== toast.id)]);
    playAlertCue();
  };

  useLiveEvent('incident.created', ({ incident }) => {
    if (incident.reportedBy !== user.id) show(incident);
  });

  useLiveEvent('alert.escalated', ({ incidentId, pending }) => {
    if (!can('escalation.read')) return;
    queryClient.fetchQuery(incidentQuery(incidentId)).then(
      (incident) => show({ ...incident, pending }),
      () => undefined,
    );
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
        <div
          key={incident.id}
          className={`toast severity-edge-${incident.severity}`}
          data-testid={incident.pending ? 'escalation-toast' : 'incident-toast'}
          role="alert"
        >
          <strong>
            {t(incident.pending ? 'incidents.escalatedToast' : 'incidents.newToast', {
              type: t(`incidentType.${incident.type}`),
            })}
          </strong>
          <IncidentBadges incident={incident} />
          {incident.pending && (
            <p>
              {t('centralDesk.missing', { governments: incident.pending.map((g) => t(`government.${g}`)).join(', ') })}
            </p>
          )}
          <p className="toast-summary">{incident.summary}</p>
          <div className="toast-actions">
            <Link to={`/incidents/${incident.id}`} onClick={() => dismiss(incident.id)}>
              {t('incidents.open')}
            </Link>
            <button type="button" onClick={() => dismiss(incident.id)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
