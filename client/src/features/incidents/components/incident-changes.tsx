import { z } from 'zod';
import {
  people,
  SUMMARY_MAX,
  updateIncidentBody,
  type IncidentDetail,
  type IncidentStatus,
} from '@shared/incidents/contract.js';
import { handOffRefusal, handOffTargets } from '@shared/incidents/rules.js';
import type { LabelKey } from '@shared/i18n/index.js';
import { Field } from '@client/components/field.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import type { IncidentChange } from '../api/update-incident.js';

interface ChangeProps {
  detail: IncidentDetail;
  apply: (change: IncidentChange) => Promise<boolean>;
  saving: boolean;
}

/** The words of a hand-off button: what the officer does, not the status it lands in. */
export function handOffLabel(from: IncidentStatus, to: IncidentStatus): LabelKey {
  if (from === 'resolved' && to === 'responding') return 'handOff.reopen';
  return to === 'closed' || to === 'resolved' ? `handOff.${to}` : 'handOff.responding';
}

/**
 * The next steps from the current status (`handOffTargets`): only the ones the server will
 * take. One the rules refuse for now (closing before the investigation is recorded) is
 * explained instead of offered.
 */
export function StatusHandOff({ detail, apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const targets = handOffTargets(detail.status);
  if (!targets.length) return null;
  const refusals = targets.map((to) => [to, handOffRefusal(detail, to, Boolean(detail.investigation))] as const);
  return (
    <div className="hand-off">
      <h3>{t('incident.handOff')}</h3>
      {refusals
        .filter(([, refusal]) => refusal === null)
        .map(([to]) => (
          <button
            key={to}
            type="button"
            disabled={saving}
            data-testid={`status-${to}`}
            onClick={() => apply({ status: to })}
          >
            {t(handOffLabel(detail.status, to))}
          </button>
        ))}
      {refusals.some(([, refusal]) => refusal === 'investigationRequired') && (
        <p className="notice" data-testid="close-refused">
          {t('handOff.closeNeedsInvestigation')}
        </p>
      )}
    </div>
  );
}

/** A note is the PATCH body's `note`, required here. */
const noteForm = z.object({ note: updateIncidentBody.shape.note.unwrap() });

export function NoteForm({ apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const form = useSchemaForm(noteForm, { defaultValues: { note: '' } });
  const blank = !form.watch('note').trim();
  const submit = form.submitWith(async ({ note }) => {
    if (await apply({ note })) form.reset();
  });
  return (
    <form className="note-form" onSubmit={submit} noValidate>
      <Field label={t('incident.note')} error={form.errorFor('note')}>
        <textarea rows={2} maxLength={SUMMARY_MAX} {...form.register('note')} data-testid="note-input" />
      </Field>
      <button type="submit" disabled={saving || blank}>
        {t('incident.addNote')}
      </button>
    </form>
  );
}

const peopleFields = ['rescued', 'injured', 'deceased'] as const;

/** Mount it keyed by the incident's version: it starts from the counts on screen. */
export function PeopleForm({ detail, apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const form = useSchemaForm(people, { defaultValues: detail.people });
  const submit = form.submitWith(async (counts) => apply({ people: counts }));
  return (
    <form className="people-form" onSubmit={submit} noValidate>
      <h3>{t('incident.peopleTitle')}</h3>
      <div className="field-row">
        {peopleFields.map((name) => (
          <Field key={name} label={t(`incidentField.${name}`)} error={form.errorFor(name)}>
            <input type="number" min={0} step={1} {...form.register(name, numberInput)} />
          </Field>
        ))}
      </div>
      <button type="submit" disabled={saving}>
        {t('incident.savePeople')}
      </button>
    </form>
  );
}
