import { countries, type Country } from '@shared/auth.js';
import { checklistKinds } from '@shared/checklists/contract.js';
import { stepText } from '@shared/checklists/rules.js';
import {
  consoleActor,
  incidentStatuses,
  severities,
  type People,
  type TimelineEntry,
} from '@shared/incidents/contract.js';
import { sarChangeOf, sarEntryFacts } from '@shared/sar/rules.js';
import { ZonedTime } from '@client/components/zoned-time.js';
import { useI18n, type I18n } from '@client/lib/i18n.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T);
const isStatus = isOneOf(incidentStatuses);
const isSeverity = isOneOf(severities);
const isGovernment = isOneOf<Country>(countries);
const isChecklistKind = isOneOf(checklistKinds);
const peopleFields = ['rescued', 'injured', 'deceased'] as const;

/** What the entry did, beyond its verb: the status or severity it changed, the counts before → after. */
function entryDetail(t: I18n['t'], pick: I18n['pick'], entry: TimelineEntry): string | null {
  const { from, to } = entry.data;
  if (entry.kind === 'checklist' && isChecklistKind(entry.data.checklist) && typeof entry.data.step === 'string') {
    const text = stepText(entry.data.checklist, entry.data.step);
    return text && pick(text);
  }
  if (entry.kind === 'status' && isStatus(from) && isStatus(to))
    return t('timeline.change', { from: t(`status.${from}`), to: t(`status.${to}`) });
  if (entry.kind === 'severity' && isSeverity(from) && isSeverity(to))
    return t('timeline.change', { from: t(`severity.${from}`), to: t(`severity.${to}`) });
  if (entry.kind === 'people') {
    const [before, after] = [from as Partial<People> | undefined, to as Partial<People> | undefined];
    const changed = peopleFields.filter((name) => before?.[name] !== after?.[name]);
    return changed
      .map((name) =>
        t('timeline.countChange', {
          label: t(`incidentField.${name}`),
          from: before?.[name] ?? 0,
          to: after?.[name] ?? 0,
        }),
      )
      .join(' · ');
  }
  if (entry.kind === 'sar') {
    const { sector, from, to, outcome } = sarEntryFacts(entry.data);
    if (sector && from && to)
      return `${sector}: ${t('timeline.change', { from: t(`sectorStatus.${from}`), to: t(`sectorStatus.${to}`) })}`;
    return outcome ? t(`sarOutcome.${outcome}`) : sector;
  }
  if (entry.kind === 'escalated' && Array.isArray(entry.data.pending)) {
    const governments = entry.data.pending.filter(isGovernment).map((g) => t(`government.${g}`));
    return t('centralDesk.missing', { governments: governments.join(', ') });
  }
  return null;
}

/** The verb: an acknowledgement says for which government. */
function entryVerb(t: I18n['t'], entry: TimelineEntry): string {
  const government = entry.data.government;
  if (entry.kind === 'acknowledged' && isGovernment(government))
    return t('timeline.acknowledgedFor', { government: t(`government.${government}`) });
  if (entry.kind === 'checklist') {
    const { checklist, done } = entry.data;
    const kind = isChecklistKind(checklist) ? t(`checklistKind.${checklist}`) : '';
    if (done === true) return t('timeline.checklistTicked', { kind });
    if (done === false) return t('timeline.checklistUnticked', { kind });
    return t('timeline.checklistStarted', { kind });
  }
  const sarChange = entry.kind === 'sar' ? sarChangeOf(entry.data.change) : null;
  if (sarChange) return t(`sarTimeline.${sarChange}`);
  return t(`timeline.${entry.kind}`);
}

/** The incident's history, each time in the place's zone (and the reader's, where it differs). */
export function IncidentTimeline({ entries, timeZone }: { entries: readonly TimelineEntry[]; timeZone: string }) {
  const { t, pick } = useI18n();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => {
        const detail = entryDetail(t, pick, entry);
        return (
          <li key={entry.id} data-kind={entry.kind}>
            <ZonedTime iso={entry.at} timeZone={timeZone} />{' '}
            <strong>{entry.by === consoleActor ? t('timeline.console') : entry.by}</strong> {entryVerb(t, entry)}
            {detail && <span className="timeline-change">: {detail}</span>}
            {entry.data.exercise === true && (
              <>
                {' '}
                <ExerciseBadge />
              </>
            )}
            {entry.text && <p className="timeline-text">{entry.text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
