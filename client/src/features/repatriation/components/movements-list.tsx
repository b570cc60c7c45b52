import { useState } from 'react';
import type { Port } from '@shared/reference/contract.js';
import { describeIssue } from '@shared/i18n/validation.js';
import {
  movementRefusal,
  RECEPTION_LEAD_HOURS,
  receptionOpensAt,
  type MovementAction,
  type MovementRefusal,
} from '@shared/repatriation/access.js';
import {
  confirmReceptionBody,
  type Arrangement,
  type Movement,
  type MovementTimelineEntry,
  type Slot,
} from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { categoryLabels, formatWhen } from '@shared/repatriation/messages.js';
import { instantAtWallClock, wallClockAt } from '@shared/repatriation/wall-clock.js';
import { DateTimeFields } from '@client/components/date-time-fields.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { Field } from '@client/components/field.js';
import { ApiError, refusalOf } from '@client/lib/api-client.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useMovement } from '../api/get-movement.js';
import { useMovementStep, type MovementStep } from '../api/movement-steps.js';
import { minuteAtOrAfter, shortPortName, zoneOfPort } from '../port-clock.js';
import { VerdictPanel } from './verdict-panel.js';

interface Props {
  movements: readonly Movement[];
  ports: readonly Port[];
  arrangements: readonly Arrangement[];
  now: number;
}

/** Planned movements with their consular notice and reception, and the steps the user may take. */
export function MovementsList({ movements, ports, arrangements, now }: Props) {
  const { t } = useI18n();
  if (movements.length === 0) return <p className="muted">{t('repatriation.noMovements')}</p>;
  return (
    <ul className="movements" data-testid="movements">
      {movements.map((movement) => (
        <MovementRow key={movement.id} movement={movement} ports={ports} arrangements={arrangements} now={now} />
      ))}
    </ul>
  );
}

const actions: readonly MovementAction[] = ['notice', 'confirm', 'reschedule', 'cancel'];

function MovementRow({ movement, ports, arrangements, now }: { movement: Movement } & Omit<Props, 'movements'>) {
  const { t, language } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState<MovementAction | null>(null);
  const zone = zoneOfPort(movement.portId, ports, arrangements);
  const port = ports.find((p) => p.id === movement.portId);
  const when = (iso: string) => formatWhen(Date.parse(iso), zone, language, now);
  const refusals = new Map(actions.map((action) => [action, movementRefusal(user, action, movement, now)] as const));
  const counts = new Map<string, number>();
  for (const p of movement.persons) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  const noticeLate =
    movement.consularNotice && movement.noticeDueAt && movement.consularNotice.at > movement.noticeDueAt;
  const noticeOverdue = !movement.consularNotice && movement.noticeDueAt && Date.parse(movement.noticeDueAt) <= now;

  return (
    <li
      className={`movement movement-${movement.status}`}
      data-testid="movement-row"
      data-movement-id={movement.id}
      data-status={movement.status}
      data-exercise={movement.exercise}
    >
      <div className="movement-head">
        {/* A drill comes first: it must never be mistaken for a real removal (issue 18). */}
        {movement.exercise && <ExerciseBadge />}
        <strong>{when(movement.at)}</strong>
        <span className={`badge movement-status-${movement.status}`}>{t(`movementStatus.${movement.status}`)}</span>
      </div>
      <p className="movement-line">
        {port ? shortPortName(port) : movement.portId} ·{' '}
        {t('repatriation.fromFacilityShort', { facility: movement.fromFacility })}
      </p>
      <p className="movement-line muted">
        {t('repatriation.persons', { count: movement.persons.length })}:{' '}
        {[...counts]
          .map(([category, n]) => `${n} × ${categoryLabels[category as keyof typeof categoryLabels][language]}`)
          .join(', ')}
      </p>
      <p className={`movement-line ${noticeOverdue ? 'overdue' : ''}`} data-testid="notice-state">
        {movement.consularNotice
          ? t(noticeLate ? 'repatriation.noticeRecordedLate' : 'repatriation.noticeRecorded', {
              when: when(movement.consularNotice.at),
              by: movement.consularNotice.by,
            })
          : movement.status === 'planned' && movement.noticeDueAt
            ? t(noticeOverdue ? 'repatriation.noticeOverdue' : 'repatriation.noticeDue', {
                when: when(movement.noticeDueAt),
              })
            : t('repatriation.noNotice')}
      </p>
      {movement.reception && (
        <p className="movement-line" data-testid="reception-state">
          {t('repatriation.received', {
            received: movement.reception.received,
            count: movement.persons.length,
            when: when(movement.reception.at),
            by: movement.reception.by,
          })}
        </p>
      )}
      {movement.cancellation && (
        <p className="movement-line">
          {t('repatriation.cancelledBecause', { reason: movement.cancellation.reason, by: movement.cancellation.by })}
        </p>
      )}
      {movement.status === 'planned' && (
        <>
          <div className="movement-actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                disabled={refusals.get(action) !== null}
                aria-expanded={open === action}
                onClick={() => setOpen(open === action ? null : action)}
                data-testid={`action-${action}`}
              >
                {t(`repatriation.action.${action}`)}
              </button>
            ))}
          </div>
          <RefusalReasons refusals={refusals} movement={movement} zone={zone} now={now} />
          {open && (
            <StepForm
              action={open}
              movement={movement}
              zone={zone}
              ports={ports}
              arrangements={arrangements}
              onDone={() => setOpen(null)}
            />
          )}
        </>
      )}
      <Timeline id={movement.id} zone={zone} now={now} />
    </li>
  );
}

/** Why each unavailable step is unavailable, once per reason. */
function RefusalReasons({
  refusals,
  movement,
  zone,
  now,
}: {
  refusals: ReadonlyMap<MovementAction, MovementRefusal | null>;
  movement: Movement;
  zone: string;
  now: number;
}) {
  const { t, language } = useI18n();
  const byReason = new Map<MovementRefusal, MovementAction[]>();
  for (const [action, refusal] of refusals)
    if (refusal) byReason.set(refusal, [...(byReason.get(refusal) ?? []), action]);
  if (byReason.size === 0) return null;
  return (
    <ul className="refusals muted" data-testid="refusals">
      {[...byReason].map(([refusal, which]) => (
        <li key={refusal}>
          {which.map((action) => t(`repatriation.action.${action}`)).join(', ')}:{' '}
          {refusal === 'notPlanned'
            ? t('repatriationRefusal.notPlanned', { status: t(`movementStatus.${movement.status}`) })
            : refusal === 'receptionTooEarly'
              ? t('repatriationRefusal.receptionTooEarly', {
                  when: formatWhen(receptionOpensAt(movement), zone, language, now),
                  hours: RECEPTION_LEAD_HOURS,
                })
              : t(`repatriationRefusal.${refusal}`)}
        </li>
      ))}
    </ul>
  );
}

interface StepProps {
  action: MovementAction;
  movement: Movement;
  zone: string;
  ports: readonly Port[];
  arrangements: readonly Arrangement[];
  onDone: () => void;
}

/** The small form of one step: when the notice was given, how many were received, the new time, the reason. */
function StepForm({ action, movement, zone, ports, arrangements, onDone }: StepProps) {
  const { t, describeError, pick } = useI18n();
  const step = useMovementStep(movement.id);
  const [noticeAt, setNoticeAt] = useState('');
  const [received, setReceived] = useState(String(movement.persons.length));
  const [at, setAt] = useState(wallClockAt(movement.at, zone));
  const [reason, setReason] = useState('');
  // Only a reschedule asks the engine again: its 422 carries the violations and slots.
  const refused = refusalOf(repatriationEndpoints.reschedule, 422, step.error);
  /** The count's message at its field: the contract's bounds here, then the server's `fields[]` (more than the movement holds). */
  const receivedCheck = confirmReceptionBody.shape.received.safeParse(received.trim() === '' ? NaN : Number(received));
  const serverFieldError =
    step.error instanceof ApiError ? step.error.body?.fields?.find((f) => f.path === 'received')?.message : undefined;
  const receivedIssue = receivedCheck.success
    ? serverFieldError
    : describeIssue(receivedCheck.error.issues[0]!).message;
  const receivedError = receivedIssue && pick(receivedIssue);
  const partErrors = { date: t('repatriation.dateInvalid'), time: t('repatriation.timeInvalid') };
  const partLabels = { date: t('repatriation.date'), time: t('repatriation.time') };

  const send = async (body: MovementStep) => {
    try {
      await step.mutateAsync(body);
      onDone();
    } catch {
      // shown below
    }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (action === 'notice') {
      const given = noticeAt ? instantAtWallClock(noticeAt, zone) : null;
      void send({
        action: 'notice',
        body: given ? { at: given, version: movement.version } : { version: movement.version },
      });
    } else if (action === 'confirm') {
      if (!receivedCheck.success) return;
      void send({ action: 'confirm-reception', body: { received: Number(received), version: movement.version } });
    } else if (action === 'reschedule') {
      const instant = instantAtWallClock(at, zone);
      if (instant) void send({ action: 'reschedule', body: { at: instant, version: movement.version } });
    } else {
      void send({ action: 'cancel', body: { reason, version: movement.version } });
    }
  };
  const moveTo = (slot: Slot) => {
    const slotZone = zoneOfPort(slot.portId, ports, arrangements);
    const instant = instantAtWallClock(wallClockAt(minuteAtOrAfter(Date.parse(slot.start)), slotZone), slotZone)!;
    void send({ action: 'reschedule', body: { at: instant, portId: slot.portId, version: movement.version } });
  };

  return (
    <form className="step-form" onSubmit={submit} noValidate data-testid={`step-${action}`}>
      {action === 'notice' && (
        <DateTimeFields
          legend={t('repatriation.noticeGivenDefault')}
          value={noticeAt}
          onChange={setNoticeAt}
          names={{ date: 'noticeAt-date', time: 'noticeAt-time' }}
          twentyFourHour
          partErrors={partErrors}
          labels={partLabels}
        />
      )}
      {action === 'confirm' && (
        <Field label={t('repatriation.receivedCount', { count: movement.persons.length })} error={receivedError}>
          <input
            type="number"
            name="received"
            min={0}
            max={movement.persons.length}
            inputMode="numeric"
            value={received}
            aria-invalid={Boolean(receivedError)}
            onChange={(e) => setReceived(e.target.value)}
          />
        </Field>
      )}
      {action === 'reschedule' && (
        <DateTimeFields
          legend={t('repatriation.newTime')}
          value={at}
          onChange={setAt}
          names={{ date: 'rescheduleAt-date', time: 'rescheduleAt-time' }}
          twentyFourHour
          partErrors={partErrors}
          labels={partLabels}
        />
      )}
      {action === 'cancel' && (
        <label className="field">
          <span className="field-label">{t('repatriation.cancelReason')}</span>
          <input type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={step.isPending} data-testid={`submit-${action}`}>
          {t(`repatriation.submit.${action}`)}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.close')}
        </button>
      </div>
      {refused ? (
        <VerdictPanel
          verdict={{ ...refused, allowed: false }}
          source="server"
          ports={ports}
          zoneOf={(portId) => zoneOfPort(portId, ports, arrangements)}
          onMove={movement.status === 'planned' ? moveTo : undefined}
        />
      ) : step.error && !serverFieldError ? (
        <p role="alert" className="error">
          {describeError(step.error)}
        </p>
      ) : null}
    </form>
  );
}

/** The movement's timeline, loaded when opened. */
function Timeline({ id, zone, now }: { id: string; zone: string; now: number }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const detail = useMovement(id, open);
  return (
    <details className="movement-timeline" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('repatriation.timeline')}</summary>
      {detail.data && (
        <ol className="timeline">
          {detail.data.timeline.map((entry: MovementTimelineEntry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatWhen(Date.parse(entry.at), zone, language, now)}</time>{' '}
              <strong>{entry.by}</strong> {t(`repatriationTimeline.${entry.kind}`)}
              {entry.data.exercise === true && (
                <>
                  {' '}
                  <ExerciseBadge />
                </>
              )}
              {entry.text && <p className="timeline-text">{entry.text}</p>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
