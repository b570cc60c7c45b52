import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useMechanisms } from '@client/features/liaison/index.js';
import { mechanismScopeOf } from '@shared/auth.js';
import { mechanismName } from '@shared/reference/place.js';
import {
  portStatusReasons,
  portStatuses,
  type Port,
  type PortStatus,
  type PortStatusReason,
} from '@shared/reference/contract.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Field } from '@client/components/field.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { usePortStatusHistory } from '../api/port-status-history.js';
import { usePorts } from '../api/ports.js';
import { useSetPortStatus } from '../api/set-port-status.js';
import { usePortName } from './port-popup.js';
import { PortStatusBadge } from './port-status-badge.js';
import { SideClocks } from './side-clocks.js';

const boardParams = z.object({ show: z.enum(['notOpen']).optional().catch(undefined) });

/**
 * The ports and bridges board (Plan of Action V: bomb threats, trans-border pursuit and weather
 * at crossing points): every port by liaison mechanism, west to east, with its status, why, who
 * and when, its history, and — for the port's own liaison officers, supervisors and admins — the
 * change. Live: another officer's change shows here without a reload (the feature's bridge).
 */
export function PortsBoardPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const user = useUser();
  const scope = mechanismScopeOf(user);
  const ports = usePorts();
  const mechanisms = useMechanisms().data ?? [];
  const [params, setParams] = useValidatedSearchParams(boardParams);
  const all = ports.data ?? [];
  const shown = params.show === 'notOpen' ? all.filter((p) => p.status !== 'open') : all;
  const count = (status: PortStatus) => all.filter((p) => p.status === status).length;
  // Ports come west to east; each mechanism's group where its first port is.
  const groups = new Map<string, Port[]>();
  for (const port of shown) groups.set(port.mechanismId ?? '', [...(groups.get(port.mechanismId ?? '') ?? []), port]);
  const groupName = (id: string) => {
    const mechanism = mechanisms.find((m) => m.id === id);
    return mechanism ? pick(mechanismName(mechanism)) : id ? '…' : t('ports.otherMechanism');
  };

  return (
    <div className="page ports-board" data-testid="ports-board">
      <header className="page-header">
        <h1>{t('ports.title')}</h1>
      </header>
      <p className="muted ports-intro">{t('ports.intro')}</p>
      {!can('port.status.set') && (
        <p className="notice" data-testid="ports-read-only">
          {t('ports.readOnly')}
        </p>
      )}
      {can('port.status.set') && scope && (
        <p className="notice" data-testid="ports-scope">
          {t('ports.yourPorts', { mechanism: groupName(scope) })}
        </p>
      )}
      {ports.error !== null && <ErrorWithRetry error={ports.error} onRetry={() => void ports.refetch()} />}
      {ports.data && (
        <div className="ports-toolbar">
          <p className="ports-summary" data-testid="ports-summary">
            {t('ports.summary', { open: count('open'), restricted: count('restricted'), closed: count('closed') })}
          </p>
          <label className="ports-filter">
            <span>{t('ports.filterLabel')}</span>
            <select
              value={params.show ?? ''}
              onChange={(e) => setParams({ show: e.target.value === 'notOpen' ? 'notOpen' : undefined })}
            >
              <option value="">{t('ports.filterAll')}</option>
              <option value="notOpen">{t('ports.filterNotOpen')}</option>
            </select>
          </label>
        </div>
      )}
      {!ports.data && !ports.error && <p>{t('shell.loading')}</p>}
      {ports.data && shown.length === 0 && <p>{t('ports.noneNotOpen')}</p>}
      {[...groups].map(([mechanismId, group]) => (
        <section key={mechanismId} className="ports-group" aria-labelledby={`ports-group-${mechanismId}`}>
          <h2 id={`ports-group-${mechanismId}`}>{groupName(mechanismId)}</h2>
          <ul className="ports-list">
            {group.map((port) => (
              <PortRow key={port.id} port={port} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function PortRow({ port }: { port: Port }) {
  const { t } = useI18n();
  const can = useCan();
  const portName = usePortName();
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const mayChange = can('port.status.set', { mechanismId: port.mechanismId });

  return (
    <li className={`port-row port-row-${port.status}`} data-testid="port-row" data-port-id={port.id}>
      <div className="port-row-head">
        <h3 className="port-name">{portName(port)}</h3>
        <PortStatusBadge status={port.status} />
      </div>
      <p className="port-states muted">
        {port.usState} · {port.mxState}
      </p>
      <div className="port-last-change" data-testid="port-last-change">
        {port.status !== 'open' && port.statusReason && (
          <p className="port-reason">
            <strong>{t('ports.reasonLabel')}:</strong> {t(`portStatusReason.${port.statusReason}`)}
          </p>
        )}
        {port.statusNote && <p className="port-note">{port.statusNote}</p>}
        {port.statusChangedAt && port.statusChangedBy ? (
          <p className="muted">
            {t('ports.changedBy', { by: port.statusChangedBy })} · <SideClocks iso={port.statusChangedAt} port={port} />
          </p>
        ) : (
          <p className="muted">{t('ports.neverChanged')}</p>
        )}
      </div>
      <div className="port-actions">
        {mayChange && !editing && (
          <button type="button" onClick={() => setEditing(true)} data-testid="port-change">
            {t('ports.change')}
          </button>
        )}
        <details onToggle={(e) => setHistoryOpen(e.currentTarget.open)}>
          <summary>{t('ports.history')}</summary>
          {historyOpen && <PortHistory port={port} />}
        </details>
      </div>
      {editing && <PortStatusForm port={port} onDone={() => setEditing(false)} />}
    </li>
  );
}

function PortHistory({ port }: { port: Port }) {
  const { t } = useI18n();
  const history = usePortStatusHistory(port.id);
  if (history.error) return <p role="alert">{t('error.unexpected')}</p>;
  if (!history.data) return <p>{t('shell.loading')}</p>;
  if (history.data.length === 0) return <p className="muted">{t('ports.historyEmpty')}</p>;
  return (
    <ol className="port-history" data-testid="port-history">
      {history.data.map((change) => (
        <li key={change.id}>
          <PortStatusBadge status={change.status} />
          {change.reason && <span> {t(`portStatusReason.${change.reason}`)}</span>}
          <span className="muted">
            {' '}
            {t('ports.changedBy', { by: change.by })} · <SideClocks iso={change.at} port={port} />
          </span>
          {change.note && <p className="port-note">{change.note}</p>}
        </li>
      ))}
    </ol>
  );
}

function PortStatusForm({ port, onDone }: { port: Port; onDone: () => void }) {
  const { t, describeError } = useI18n();
  const portName = usePortName();
  const setStatus = useSetPortStatus();
  const [status, setStatusValue] = useState<PortStatus>(port.status === 'open' ? 'closed' : 'open');
  const [reason, setReason] = useState<PortStatusReason | ''>('');
  const [note, setNote] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const needsReason = status !== 'open';

  const save = () =>
    setStatus.mutate(
      {
        portId: port.id,
        body: {
          status,
          ...(needsReason && reason ? { reason } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      { onSuccess: onDone },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsReason && !reason) return setReasonMissing(true);
    if (status === 'closed') return setConfirming(true);
    save();
  };

  return (
    <form className="port-status-form" onSubmit={submit} data-testid="port-status-form" noValidate>
      <fieldset className="port-status-choices">
        <legend>{t('ports.statusLabel')}</legend>
        {portStatuses.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="radio"
              name={`status-${port.id}`}
              value={s}
              checked={status === s}
              onChange={() => (setStatusValue(s), setConfirming(false))}
            />
            {t(`ports.status.${s}`)}
          </label>
        ))}
      </fieldset>
      {needsReason && (
        <Field label={t('ports.reasonLabel')} error={reasonMissing && !reason ? t('ports.reasonRequired') : undefined}>
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value as PortStatusReason)}
            data-testid="port-reason"
            aria-required="true"
          >
            <option value="">{t('ports.chooseReason')}</option>
            {portStatusReasons.map((r) => (
              <option key={r} value={r}>
                {t(`portStatusReason.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('ports.noteLabel')}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
      </Field>
      {confirming ? (
        <div className="port-confirm" role="alertdialog" aria-labelledby={`confirm-${port.id}`}>
          <p id={`confirm-${port.id}`}>
            <strong>{t('ports.confirmClose', { port: portName(port) })}</strong>
          </p>
          <div className="port-form-buttons">
            <button type="button" className="danger" onClick={save} disabled={setStatus.isPending} autoFocus>
              {t('ports.confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('ports.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="port-form-buttons">
          <button type="submit" className="primary" disabled={setStatus.isPending}>
            {t('ports.save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('ports.cancel')}
          </button>
        </div>
      )}
      {setStatus.error && (
        <p role="alert" className="error">
          {describeError(setStatus.error)}
        </p>
      )}
    </form>
  );
}
