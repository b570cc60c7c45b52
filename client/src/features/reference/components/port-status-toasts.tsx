import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { inMechanismScope } from '@shared/auth.js';
import type { Port } from '@shared/reference/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useLiveNews } from '@client/lib/live.js';
import { useUser } from '@client/lib/session.js';
import { PortStatusBadge } from './port-status-badge.js';
import { usePortName } from './port-popup.js';

const TOAST_MS = 20_000;

/**
 * Plan of Action V, emergencies at crossing points: a port opened, restricted or closed alerts
 * the officers of its mechanism on both sides and those who watch every mechanism (the central
 * desks, supervisors), each in their own language. Everyone else's board and map just follow.
 */
export function PortStatusToasts() {
  const { t } = useI18n();
  const user = useUser();
  const portName = usePortName();
  const [toasts, setToasts] = useState<Port[]>([]);
  const dismiss = (id: string) => setToasts((current) => current.filter((p) => p.id !== id));

  useLiveNews('port.status', ({ port }) => {
    if (!inMechanismScope(user, port.mechanismId)) return;
    setToasts((current) => [port, ...current.filter((p) => p.id !== port.id)]);
  });

  useEffect(() => {
    if (!toasts.length) return;
    const timer = setTimeout(() => dismiss(toasts[toasts.length - 1]!.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  return (
    <div className="toasts port-toasts" aria-live="assertive">
      {toasts.map((port) => (
        <div key={port.id} className={`toast port-toast-${port.status}`} role="alert" data-testid="port-toast">
          <strong>{t('ports.toast', { port: portName(port), status: t(`map.portStatus.${port.status}`) })}</strong>
          <PortStatusBadge status={port.status} />
          {port.statusReason && (
            <p className="toast-summary">
              {t('ports.toastReason', { reason: t(`portStatusReason.${port.statusReason}`) })}
              {port.statusNote && ` — ${port.statusNote}`}
            </p>
          )}
          <div className="toast-actions">
            <Link to="/ports" onClick={() => dismiss(port.id)}>
              {t('ports.openBoard')}
            </Link>
            <button type="button" onClick={() => dismiss(port.id)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
