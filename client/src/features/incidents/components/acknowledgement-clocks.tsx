import { countries } from '@shared/auth.js';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { isFinished } from '@shared/incidents/rules.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { useAcknowledgeIncident } from '../api/acknowledge-incident.js';
import { acknowledgementOf, countdown, runningAlert, settledAt, waitedWords } from '../acknowledgements.js';

/**
 * Each government acknowledges for itself (Plan of Action V): one clock per side. The
 * reporting government's acknowledgement came with the report; once the incident is resolved
 * or closed its alerts are settled and nothing is left to acknowledge.
 */
export function AcknowledgementClocks({ detail }: { detail: IncidentDetail }) {
  const { t, formatClock, formatTime, viewerTimeZone, describeError } = useI18n();
  const user = useUser();
  const can = useCan();
  const now = useNow();
  const acknowledge = useAcknowledgeIncident(detail.id);
  const zone = detail.place?.timeZone ?? viewerTimeZone;
  const alert = runningAlert(detail.alerts);

  if (!alert) return <p className="muted">{t('ack.noAlert')}</p>;
  const finished = isFinished(detail.status);
  const settled = settledAt(detail.alerts);
  const deadlineLeft = Date.parse(alert.ackDeadline) - now;
  const mine = acknowledgementOf(detail.alerts, user.country);
  const escalated = detail.alerts.find((a) => a.escalatedAt)?.escalatedAt;

  return (
    <div className="ack-clocks">
      <ul>
        {countries.map((government) => {
          const ack = acknowledgementOf(detail.alerts, government);
          const name = t(`government.${government}`);
          const state = ack ? 'acknowledged' : finished ? 'settled' : 'pending';
          return (
            <li
              key={government}
              data-testid={`ack-${government}`}
              data-state={state}
              className={state === 'acknowledged' ? 'ack-done' : `ack-${state}`}
            >
              {ack &&
                t(ack.withReport ? 'ack.acknowledgedWithReport' : 'ack.acknowledged', {
                  government: name,
                  time: formatClock(ack.at, zone),
                  by: ack.by,
                })}
              {state === 'settled' && t('ack.notNeeded', { government: name })}
              {state === 'pending' && (
                <>
                  {t('ack.pending', { government: name, waited: waitedWords(t, now - Date.parse(alert.raisedAt)) })}
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
      {escalated && <p className="escalated">{t('ack.escalated', { time: formatTime(escalated, zone) })}</p>}
      {finished && settled && (
        <p className="muted" data-testid="alerts-settled">
          {t('ack.settled', { time: formatClock(settled, zone), status: t(`status.${detail.status}`) })}
        </p>
      )}
      {!mine && !finished && can('incident.acknowledge', detail) && (
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
