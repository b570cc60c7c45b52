import { useState } from 'react';
import { checklistKinds, type Checklist, type ChecklistKind } from '@shared/checklists/contract.js';
import { progressOf, sourcesOf } from '@shared/checklists/rules.js';
import type { Incident } from '@shared/incidents/contract.js';
import { Badge } from '@client/components/badge.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n } from '@client/lib/i18n.js';
import { useCan } from '@client/lib/use-can.js';
import { useIncidentChecklists } from '../api/incident-checklists.js';
import { useStartChecklist } from '../api/start-checklist.js';
import { useTickStep } from '../api/tick-step.js';
import '../checklists.css';

interface Props {
  incident: Pick<Incident, 'id' | 'mechanismId' | 'reportedBy'>;
  /** The incident's local clock: ticks are shown in it (and the reader's, where it differs). */
  timeZone: string;
}

/**
 * The incident's checklists: the console's default procedure per emergency kind, naming the
 * sources it follows, each step saying which side holds jurisdiction, ticked by whoever may edit
 * the incident and seen live on both sides. A closed incident's checklists are read-only, and say so.
 */
export function ChecklistPanel({ incident, timeZone }: Props) {
  const { t, pick, describeError } = useI18n();
  const can = useCan();
  const query = useIncidentChecklists(incident.id);
  const start = useStartChecklist(incident.id);
  const tick = useTickStep(incident.id);
  const data = query.data;
  const readOnly = Boolean(data?.readOnlyReason);
  const mayTick = can('incident.edit', incident) && !readOnly;
  const error = start.error ?? tick.error;

  return (
    <section className="checklist-panel" data-testid="checklist-panel" aria-labelledby="checklists-title">
      <h2 id="checklists-title">{t('checklists.title')}</h2>
      <p className="muted checklist-basis">{t('checklists.defaultProcedure')}</p>
      {query.error && !data && <ErrorWithRetry error={query.error} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <p>{t('shell.loading')}</p>}
      {data?.readOnlyReason && (
        <p className="notice" data-testid="checklists-read-only">
          <strong>{t('checklists.readOnly')}:</strong> {pick(data.readOnlyReason)}
        </p>
      )}
      {data && !readOnly && !mayTick && <p className="muted">{t('checklists.cannotTick')}</p>}
      {data && data.checklists.length === 0 && <p>{t('checklists.none')}</p>}
      {data?.checklists.map((checklist) => (
        <ChecklistView
          key={checklist.id}
          checklist={checklist}
          timeZone={timeZone}
          mayTick={mayTick}
          pending={tick.isPending ? tick.variables : undefined}
          onTick={(stepId, done) => tick.mutate({ kind: checklist.kind, stepId, done })}
        />
      ))}
      {data && mayTick && (
        <StartChecklist
          started={data.checklists.map((c) => c.kind)}
          suggested={data.suggested}
          pending={start.isPending}
          onStart={(kind) => start.mutate(kind)}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      )}
    </section>
  );
}

function ChecklistView(props: {
  checklist: Checklist;
  timeZone: string;
  mayTick: boolean;
  pending: { kind: ChecklistKind; stepId: string } | undefined;
  onTick: (stepId: string, done: boolean) => void;
}) {
  const { checklist, timeZone, mayTick, pending, onTick } = props;
  const { t, pick } = useI18n();
  const progress = progressOf(checklist.steps);
  return (
    <article className="checklist" data-testid="checklist" data-kind={checklist.kind}>
      <header className="checklist-head">
        <h3>{t(`checklistKind.${checklist.kind}`)}</h3>
        <Badge tone="outline" data-testid="checklist-progress">
          {t('checklists.progress', progress)}
        </Badge>
      </header>
      <p className="muted">
        {t('checklists.startedBy', { by: checklist.startedBy })} ·{' '}
        <ZonedTime iso={checklist.startedAt} timeZone={timeZone} />
      </p>
      <ChecklistSources kind={checklist.kind} />
      <ol className="checklist-steps">
        {checklist.steps.map((step) => {
          const busy = pending?.kind === checklist.kind && pending.stepId === step.id;
          return (
            <li
              key={step.id}
              className={step.done ? 'checklist-step-done' : undefined}
              data-testid="checklist-step"
              data-step={step.id}
            >
              <label>
                <input
                  type="checkbox"
                  checked={step.done}
                  disabled={!mayTick || busy}
                  onChange={(e) => onTick(step.id, e.target.checked)}
                />
                <span className="checklist-step-text">{pick(step.text)}</span>
              </label>
              <span className={`badge jurisdiction jurisdiction-${step.jurisdiction}`}>
                {t(`jurisdiction.${step.jurisdiction}`)}
              </span>
              {step.done && step.by && step.at && (
                <span className="muted checklist-tick">
                  {t('checklists.tickedBy', { by: step.by })} · <ZonedTime iso={step.at} timeZone={timeZone} />
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}

/** "Follows: …": the agreements and public procedures a kind's default procedure follows. */
function ChecklistSources({ kind }: { kind: ChecklistKind }) {
  const { t } = useI18n();
  const sources = sourcesOf(kind).map(({ source, sections }) =>
    sections
      ? t('checklists.sourceSections', {
          source: t(`procedureSource.${source}`),
          sections: sections.join(', '),
          count: sections.length,
        })
      : t(`procedureSource.${source}`),
  );
  return (
    <p className="muted checklist-sources" data-testid="checklist-sources">
      {t('checklists.follows', { sources: sources.join('; ') })}
    </p>
  );
}

function StartChecklist(props: {
  started: readonly ChecklistKind[];
  suggested: readonly ChecklistKind[];
  pending: boolean;
  onStart: (kind: ChecklistKind) => void;
}) {
  const { started, suggested, pending, onStart } = props;
  const { t } = useI18n();
  // Suggested kinds first, then the rest; kinds already started are not offered again.
  const available = [...suggested, ...checklistKinds.filter((k) => !suggested.includes(k))].filter(
    (k) => !started.includes(k),
  );
  const [kind, setKind] = useState<ChecklistKind | ''>('');
  // Preselected: the first suggested kind not yet started. When the incident's type suggests
  // none, nothing is: the officer chooses (a bomb-threat procedure on a rescue is worse than none).
  const preselected = suggested.find((k) => !started.includes(k)) ?? '';
  const chosen = kind && available.includes(kind) ? kind : preselected;
  if (available.length === 0) return null;
  return (
    <form
      className="checklist-start"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) onStart(chosen);
      }}
    >
      <label>
        <span className="field-label">{t('checklists.kindLabel')}</span>
        <select value={chosen} onChange={(e) => setKind(e.target.value as ChecklistKind)} data-testid="checklist-kind">
          {!chosen && (
            <option value="" disabled>
              {t('checklists.choose')}
            </option>
          )}
          {available.map((k) => (
            <option key={k} value={k}>
              {suggested.includes(k)
                ? t('checklists.suggested', { kind: t(`checklistKind.${k}`) })
                : t(`checklistKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={pending || !chosen} data-testid="checklist-start">
        {t('checklists.start')}
      </button>
      {chosen && <ChecklistSources kind={chosen} />}
    </form>
  );
}
