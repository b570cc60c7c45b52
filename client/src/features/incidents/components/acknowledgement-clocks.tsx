import { countries } from '@shared/auth.js';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { useAcknowledgeIncident } from '../api/acknowledge-incident.js';
import { acknowledgementOf } from '../acknowledgements.js';

const MINUTE = 60_000;

function countdown(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Each government acknowledges for itself (Plan of Action V): one clock per side. */
export function AcknowledgementClocks({ detail }: { detail: IncidentDetail }) {
  const { t, formatClock, formatTime, describeError } = useI18n();
  const user = useUser();
  const can = useCan();
  const now = useNow();
  const acknowledge = useAcknowledgeIncident(detail.id);
  const alert = detail.alerts.find((a) => a.tier === 'local') ?? detail.alerts[0];

  if (!alert) return <p className="muted">{t('ack.noAlert')}</p>;
  const deadlineLeft = Date.parse(alert.ackDeadline) - now;
  const mine = acknowledgementOf(detail.alerts, user.country);

  return (
    <div className="ack-clocks">
      <ul>
        {countries.map((government) => {
          const ack = acknowledgementOf(detail.alerts, government);
          const name = t(`government.${government}`);
          return (
            <li
              key={government}
              data-testid={`ack-${government}`}
              data-state={ack ? 'acknowledged' : 'pending'}
              className={ack ? 'ack-done' : 'ack-pending'}
            >
              {ack ? (
                t('ack.acknowledged', { government: name, time: formatClock(ack.at), by: ack.by })
              ) : (
                <>
                  {t('ack.pending', {
                    government: name,
                    minutes: Math.floor((now - Date.parse(alert.raisedAt)) / MINUTE),
                  })}
                  {' · '}
                  <span className={deadlineLeft > 0 ? 'deadline' : 'deadline overdue'}>
                    {deadlineLeft > 0 ? t('ack.deadlineIn', { time: countdown(deadlineLeft) }) : t('ack.overdue')}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {alert.escalatedAt && <p className="escalated">{t('ack.escalated', { time: formatTime(alert.escalatedAt) })}</p>}
      {!mine && can('incident.acknowledge', detail) && (
        <button
          type="button"
          className="primary"
          data-testid="acknowledge"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate()}
        >
          {t('ack.acknowledge', { government: t(`government.${user.country}`) })}
        </button>
      )}
      {acknowledge.error ? (
        <p role="alert" className="error">
          {describeError(acknowledge.error)}
        </p>
      ) : null}
    </div>
  );
}
