import { useState, type FormEvent } from 'react';
import { people as peopleSchema, statusTransitions, SUMMARY_MAX, type IncidentDetail, type People } from '@shared/incidents/contract.js';
import { useI18n } from '../../../app/i18n.js';
import { Field } from '../../../components/field.js';
import { validate, type FieldMessages } from '../../../lib/form-validation.js';
import type { IncidentChange } from '../hooks/use-incident-update.js';

interface ChangeProps {
  detail: IncidentDetail;
  apply: (change: IncidentChange) => Promise<boolean>;
  saving: boolean;
}

/** Hand-offs allowed from the current status (shared/incidents.ts statusTransitions). */
export function StatusHandOff({ detail, apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const next = statusTransitions[detail.status];
  if (!next.length) return null;
  return (
    <div className="hand-off">
      <h3>{t('incident.handOff')}</h3>
      {next.map((status) => (
        <button key={status} type="button" disabled={saving} data-testid={`status-${status}`} onClick={() => apply({ status })}>
          {t('incident.moveTo', { status: t(`status.${status}`) })}
        </button>
      ))}
    </div>
  );
}

export function NoteForm({ apply, saving }: ChangeProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim() && (await apply({ note }))) setNote('');
  }
  return (
    <form className="note-form" onSubmit={submit}>
      <Field label={t('incident.note')}>
        <textarea rows={2} maxLength={SUMMARY_MAX} value={note} onChange={(e) => setNote(e.target.value)} data-testid="note-input" />
      </Field>
      <button type="submit" disabled={saving || !note.trim()}>{t('incident.addNote')}</button>
    </form>
  );
}

const peopleFields = ['rescued', 'injured', 'deceased'] as const;

export function PeopleForm({ detail, apply, saving }: ChangeProps) {
  const { t, pick } = useI18n();
  const [counts, setCounts] = useState<Record<keyof People, string>>(() => ({
    rescued: String(detail.people.rescued), injured: String(detail.people.injured), deceased: String(detail.people.deceased),
  }));
  const [errors, setErrors] = useState<FieldMessages>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(peopleSchema, Object.fromEntries(peopleFields.map((name) => [name, counts[name] === '' ? undefined : Number(counts[name])])));
    setErrors(checked.errors ?? {});
    if (checked.data) await apply({ people: checked.data });
  }

  return (
    <form className="people-form" onSubmit={submit}>
      <h3>{t('incident.peopleTitle')}</h3>
      <div className="field-row">
        {peopleFields.map((name) => (
          <Field key={name} label={t(`incidentField.${name}`)} error={errors[name] && pick(errors[name])}>
            <input type="number" min={0} step={1} value={counts[name]} onChange={(e) => setCounts({ ...counts, [name]: e.target.value })} />
          </Field>
        ))}
      </div>
      <button type="submit" disabled={saving}>{t('incident.savePeople')}</button>
    </form>
  );
}
