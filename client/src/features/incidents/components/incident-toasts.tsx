import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Country } from '@shared/auth.js';
import type { Incident } from '@shared/incidents/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useLiveEvent, useLiveNews } from '@client/lib/live.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { useAcknowledgeIncident } from '../api/acknowledge-incident.js';
import { incidentQuery } from '../api/get-incident.js';
import { playAlertCue } from '../hooks/use-alert-sound.js';
import { useUnreadAlerts } from '../hooks/use-unread-alerts.js';
import { IncidentBadges } from './incident-badges.js';
import { PlaceLine } from './place-line.js';

/** How long a toast stays on screen, counted for each toast from when it appeared (paused while pointed at or focused). */
export const TOAST_MS = 15_000;

/**
 * A new incident, or one escalated to the central desks with the governments still pending;
 * `settled`: the user's government acknowledged it since (from the toast or elsewhere).
 */
type Toast = Incident & { pending?: Country[]; settled?: boolean };

/**
 * Plan of Action V, early alert: a toast and a tone the moment a new incident is reported
 * (not to the officer who reported it), and, for the central desks and supervisors, the
 * moment an alert escalates to them. Each is also kept as unread (the top bar's marker)
 * until the user opens the incident. A toast follows its incident (status, place) while it
 * is shown, and leaves once the user's government acknowledged it elsewhere.
 */
export function IncidentToasts() {
  const user = useUser();
  const can = useCan();
  const queryClient = useQueryClient();
  const unread = useUnreadAlerts();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = (toast: Toast) => {
    setToasts((current) => [toast, ...current.filter((other) => other.id !== toast.id)]);
    unread.add({
      incidentId: toast.id,
      escalated: Boolean(toast.pending),
      type: toast.type,
      severity: toast.severity,
      summary: toast.summary,
      at: toast.updatedAt,
    });
    playAlertCue();
  };

  const follow = (id: string, change: (toast: Toast) => Toast) =>
    setToasts((current) => current.map((toast) => (toast.id === id ? change(toast) : toast)));

  useLiveNews('incident.created', ({ incident }) => show(incident));

  useLiveEvent('incident.updated', ({ incident }) => follow(incident.id, (toast) => ({ ...toast, ...incident })));

  useLiveEvent('alert.acknowledged', ({ incidentId, government }) => {
    if (government === user.country) follow(incidentId, (toast) => ({ ...toast, settled: true }));
  });

  useLiveEvent('alert.escalated', ({ incidentId, pending }) => {
    if (!can('escalation.read')) return;
    queryClient.fetchQuery(incidentQuery(incidentId)).then(
      (incident) => show({ ...incident, pending }),
      () => undefined,
    );
  });

  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <IncidentToast
          // A toast shown again (escalated after being new) is a new toast with its own time.
          key={`${toast.id}:${toast.pending ? 'escalated' : 'new'}`}
          toast={toast}
          onDismiss={dismiss}
          onSeen={unread.markSeen}
        />
      ))}
    </div>
  );
}

function IncidentToast({
  toast,
  onDismiss,
  onSeen,
}: {
  toast: Toast;
  onDismiss: (id: string) => void;
  onSeen: (id: string) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const acknowledge = useAcknowledgeIncident(toast.id);
  const [paused, setPaused] = useState(false);
  const left = useRef(TOAST_MS);

  // Its own timer: other toasts arriving never restart it; pointing at it or focusing it pauses it.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), left.current);
    return () => {
      clearTimeout(timer);
      left.current -= Date.now() - started;
    };
  }, [paused, toast.id, onDismiss]);

  const myGovernmentPending = toast.pending
    ? toast.pending.includes(user.country)
    : toast.reportingCountry !== user.country;
  // It asked the user's government to acknowledge, which was done elsewhere (the incident
  // page, another tab): it asks for nothing more.
  const settledElsewhere = myGovernmentPending && toast.settled && acknowledge.isIdle;
  useEffect(() => {
    if (settledElsewhere) onDismiss(toast.id);
  }, [settledElsewhere, toast.id, onDismiss]);
  const mayAcknowledge = myGovernmentPending && can('incident.acknowledge', toast);
  const government = t(`government.${user.country}`);

  return (
    <div
      className={`toast severity-edge-${toast.severity}`}
      data-testid={toast.pending ? 'escalation-toast' : 'incident-toast'}
      role="alert"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <strong>
        {t(toast.pending ? 'incidents.escalatedToast' : 'incidents.newToast', {
          type: t(`incidentType.${toast.type}`),
        })}
      </strong>
      <IncidentBadges incident={toast} />
      <PlaceLine incident={toast} />
      {toast.pending && (
        <p>{t('centralDesk.missing', { governments: toast.pending.map((g) => t(`government.${g}`)).join(', ') })}</p>
      )}
      <p className="toast-summary">{toast.summary}</p>
      <div className="toast-actions">
        {mayAcknowledge &&
          (acknowledge.isSuccess ? (
            <span className="ack-done" data-testid="toast-acknowledged">
              {t('toast.acknowledged', { government })}
            </span>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="toast-acknowledge"
              disabled={acknowledge.isPending}
              onClick={() => acknowledge.mutate(undefined, { onSuccess: () => onSeen(toast.id) })}
            >
              {t('ack.acknowledge', { government })}
            </button>
          ))}
        {/* The incident page marks the alert seen once it shows: marking it here would change the
            header (its unread marker) while that page loads, and on a phone the map beneath
            would resize and write its view into the URL, keeping the user on the map. */}
        <Link to={`/incidents/${toast.id}`} onClick={() => onDismiss(toast.id)}>
          {t('incidents.open')}
        </Link>
        <button type="button" onClick={() => onDismiss(toast.id)}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
