import { Link } from 'react-router';
import { inMechanismScope } from '@shared/auth.js';
import type { Port } from '@shared/reference/contract.js';
import { Toast, ToastList, useToasts } from '@client/components/toast-list.js';
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
  const { toasts, show, dismiss } = useToasts<Port>();

  useLiveNews('port.status', ({ port }) => {
    if (inMechanismScope(user, port.mechanismId)) show(port);
  });

  return (
    <ToastList className="port-toasts">
      {toasts.map(({ key, toast: port }) => (
        <Toast
          key={key}
          className={`port-toast-${port.status}`}
          testId="port-toast"
          lifetimeMs={TOAST_MS}
          onDismiss={() => dismiss(port.id)}
          title={t('ports.toast', { port: portName(port), status: t(`map.portStatus.${port.status}`) })}
          summary={
            port.statusReason && (
              <>
                {t('ports.toastReason', { reason: t(`portStatusReason.${port.statusReason}`) })}
                {port.statusNote && ` — ${port.statusNote}`}
              </>
            )
          }
          actions={
            <Link to="/ports" onClick={() => dismiss(port.id)}>
              {t('ports.openBoard')}
            </Link>
          }
        >
          <PortStatusBadge status={port.status} />
        </Toast>
      ))}
    </ToastList>
  );
}
