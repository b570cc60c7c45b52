import type { PortStatus } from '@shared/reference/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import '../ports.css';

const marks: Record<PortStatus, string> = { open: '●', restricted: '▲', closed: '■' };

/** A port's status in colour, shape and word: never colour alone. */
export function PortStatusBadge({ status }: { status: PortStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge port-status port-status-${status}`} data-status={status}>
      <span aria-hidden="true">{marks[status]} </span>
      {t(`ports.status.${status}`)}
    </span>
  );
}
