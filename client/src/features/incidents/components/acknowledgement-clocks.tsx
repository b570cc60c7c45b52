import { useState } from 'react';
import { countries, type Country } from '@shared/auth.js';
import type { Acknowledgement, Alert, IncidentDetail } from '@shared/incidents/contract.js';
import { useI18n } from '../../../app/i18n.js';
import { useUser } from '../../../app/session.js';
import { acknowledgeIncident } from '../api/incidents.js';
import { useNow } from '../hooks/use-now.js';

const MINUTE = 60_000;

function countdown(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A government's acknowledgement, the local one first (central ones come after escalation). */
function acknowledgementOf(alerts: readonly Alert[], government: Country): Acknowledgement | undefined {
  const all = alerts.flatMap((alert) => alert.acknowledgements).filter((ack) => ack.government === government);
  return all.find((ack) => ack.tier === 'local') ?? all[0];
}

/** Each government acknowledges for itself (Plan of Action V): one clock per side. */
export function AcknowledgementClocks({ detail, onAcknowledged }: { detail: IncidentDetail; onAcknowledged: () => void }) {
  const { t, formatClock, formatTime, describeError } = useI18n();
  const user = useUser();
  const now = useNow();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const alert = detail.alerts.find((a) => a.tier === 'local') ?? detail.alerts[0];

  if (!alert) return <p className="muted">{t('ack.noAlert')}</p>;
  const deadlineLeft = Date.parse(alert.ackDeadline) - now;
  const mine = acknowledgementOf(detail.alerts, user.country);

  async function acknowledge() {
    setSending(true);
    setError(null);
    try {
      await acknowledgeIncident(detail.id);
      onAcknowledged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="ack-clocks">
      <ul>
        {countries.map((government) => {
          const ack = acknowledgementOf(detail.alerts, government);
          const name = t(`government.${government}`);
          return (
            <li key={government} data-testid={`ack-${government}`} data-state={ack ? 'acknowledged' : 'pending'} className={ack ? 'ack-done' : 'ack-pending'}>
              {ack
                ? t('ack.acknowledged', { government: name, time: formatClock(ack.at), by: ack.by })
                : (
                  <>
                    {t('ack.pending', { government: name, minutes: Math.floor((now - Date.parse(alert.raisedAt)) / MINUTE) })}
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
      {!mine && (
        <button type="button" className="primary" data-testid="acknowledge" disabled={sending} onClick={acknowledge}>
          {t('ack.acknowledge', { government: t(`government.${user.country}`) })}
        </button>
      )}
      {error ? <p role="alert" className="error">{describeError(error)}</p> : null}
    </div>
  );
}
