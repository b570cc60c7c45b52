import { z } from 'zod';
import {
  people,
  statusTransitions,
  SUMMARY_MAX,
  updateIncidentBody,
  type IncidentDetail,
} from '@shared/incidents/contract.js';
import { Field } from '@client/components/field.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import type { IncidentChange } from '../api/update-incident.js';

interface ChangeProps {
  detail: IncidentDetail;
  apply: (change: IncidentChange) => Promise<boolean>;
  saving: boolean;
}

/** Hand-offs allowed from the current status (`statusTransitions` in shared/incidents). */
export function StatusHandOff({ detail, apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const next = statusTransitions[detail.status];
  if (!next.length) return null;
  return (
    <div className="hand-off">
      <h3>{t('incident.handOff')}</h3>
      {next.map((status) => (
        <button
          key={status}
          type="button"
          disabled={saving}
          data-testid={`status-${status}`}
          onClick={() => apply({ status })}
        >
          {t('incident.moveTo', { status: t(`status.${status}`) })}
        </button>
      ))}
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
