import { useState } from 'react';
import type { Port } from '@shared/reference/contract.js';
import { movementRefusal, type MovementAction, type MovementRefusal } from '@shared/repatriation/access.js';
import type { Arrangement, CheckResult, Movement, MovementTimelineEntry, Slot } from '@shared/repatriation/contract.js';
import { categoryLabels, formatWhen } from '@shared/repatriation/messages.js';
import { instantAtWallClock, wallClockAt } from '@shared/repatriation/wall-clock.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { ApiError } from '@client/lib/api-client.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useMovement } from '../api/get-movement.js';
import { useMovementStep, type MovementStep } from '../api/movement-steps.js';
import { minuteAtOrAfter, shortPortName, zoneOfPort } from '../port-clock.js';
import { VerdictPanel } from './verdict-panel.js';
import { WallClockInput } from './wall-clock-input.js';

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
  const when = (iso: string) => formatWhen(Date.parse(iso), zone, language);
  const refusals = new Map(actions.map((action) => [action, movementRefusal(user, action, movement)] as const));
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
          <RefusalReasons refusals={refusals} status={movement.status} />
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
      <Timeline id={movement.id} zone={zone} />
    </li>
  );
}

/** Why each unavailable step is unavailable, once per reason. */
function RefusalReasons({
  refusals,
  status,
}: {
  refusals: ReadonlyMap<MovementAction, MovementRefusal | null>;
  status: Movement['status'];
}) {
  const { t } = useI18n();
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
            ? t('repatriationRefusal.notPlanned', { status: t(`movementStatus.${status}`) })
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
  const { t, describeError } = useI18n();
  const step = useMovementStep(movement.id);
  const [noticeAt, setNoticeAt] = useState('');
  const [received, setReceived] = useState(String(movement.persons.length));
  const [at, setAt] = useState(wallClockAt(movement.at, zone));
  const [reason, setReason] = useState('');
  const refused =
    step.error instanceof ApiError && step.error.status === 422 ? (step.error.body as unknown as CheckResult) : null;

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
        <label className="field">
          <span className="field-label">{t('repatriation.noticeGivenDefault')}</span>
          <WallClockInput name="noticeAt" value={noticeAt} onChange={setNoticeAt} />
        </label>
      )}
      {action === 'confirm' && (
        <label className="field">
          <span className="field-label">{t('repatriation.receivedCount', { count: movement.persons.length })}</span>
          <input
            type="number"
            min={0}
            max={movement.persons.length}
            inputMode="numeric"
            value={received}
            onChange={(e) => setReceived(e.target.value)}
          />
        </label>
      )}
      {action === 'reschedule' && (
        <label className="field">
          <span className="field-label">{t('repatriation.newTime')}</span>
          <WallClockInput name="rescheduleAt" value={at} onChange={setAt} />
        </label>
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
      ) : step.error ? (
        <p role="alert" className="error">
          {describeError(step.error)}
        </p>
      ) : null}
    </form>
  );
}

/** The movement's timeline, loaded when opened. */
function Timeline({ id, zone }: { id: string; zone: string }) {
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
              <time dateTime={entry.at}>{formatWhen(Date.parse(entry.at), zone, language)}</time>{' '}
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
