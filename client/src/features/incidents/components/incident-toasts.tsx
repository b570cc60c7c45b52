import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Country } from '@shared/auth.js';
import type { Incident } from '@shared/incidents/contract.js';
import { Button } from '@client/components/button.js';
import { Toast, ToastList, useToasts } from '@client/components/toast-list.js';
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
type ToastedIncident = Incident & { pending?: Country[]; settled?: boolean };

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
  const toasts = useToasts<ToastedIncident>();
  const show = (toast: ToastedIncident) => {
    toasts.show(toast);
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

  useLiveNews('incident.created', ({ incident }) => show(incident));

  useLiveEvent('incident.updated', ({ incident }) =>
    toasts.update(incident.id, (toast) => ({ ...toast, ...incident })),
  );

  useLiveEvent('alert.acknowledged', ({ incidentId, government }) => {
    if (government === user.country) toasts.update(incidentId, (toast) => ({ ...toast, settled: true }));
  });

  useLiveEvent('alert.escalated', ({ incidentId, pending }) => {
    if (!can('escalation.read')) return;
    queryClient.fetchQuery(incidentQuery(incidentId)).then(
      (incident) => show({ ...incident, pending }),
      () => undefined,
    );
  });

  return (
    <ToastList>
      {toasts.toasts.map(({ key, toast }) => (
        // A toast shown again (escalated after being new) is a new toast with its own time.
        <IncidentToast key={key} toast={toast} onDismiss={toasts.dismiss} onSeen={unread.markSeen} />
      ))}
    </ToastList>
  );
}

function IncidentToast({
  toast,
  onDismiss,
  onSeen,
}: {
  toast: ToastedIncident;
  onDismiss: (id: string) => void;
  onSeen: (id: string) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const acknowledge = useAcknowledgeIncident(toast.id);

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
    <Toast
      className={`severity-edge-${toast.severity}`}
      testId={toast.pending ? 'escalation-toast' : 'incident-toast'}
      lifetimeMs={TOAST_MS}
      onDismiss={() => onDismiss(toast.id)}
      title={t(toast.pending ? 'incidents.escalatedToast' : 'incidents.newToast', {
        type: t(`incidentType.${toast.type}`),
      })}
      summary={toast.summary}
      actions={
        <>
          {mayAcknowledge &&
            (acknowledge.isSuccess ? (
              <span className="ack-done" data-testid="toast-acknowledged">
                {t('toast.acknowledged', { government })}
              </span>
            ) : (
              <Button
                variant="primary"
                data-testid="toast-acknowledge"
                disabled={acknowledge.isPending}
                onClick={() => acknowledge.mutate(undefined, { onSuccess: () => onSeen(toast.id) })}
              >
                {t('ack.acknowledge', { government })}
              </Button>
            ))}
          {/* The incident page marks the alert seen once it shows: marking it here would change the
              header (its unread marker) while that page loads, and on a phone the map beneath
              would resize and write its view into the URL, keeping the user on the map. */}
          <Link to={`/incidents/${toast.id}`} onClick={() => onDismiss(toast.id)}>
            {t('incidents.open')}
          </Link>
        </>
      }
    >
      <IncidentBadges incident={toast} />
      <PlaceLine incident={toast} />
      {toast.pending && (
        <p>{t('centralDesk.missing', { governments: toast.pending.map((g) => t(`government.${g}`)).join(', ') })}</p>
      )}
    </Toast>
  );
}
