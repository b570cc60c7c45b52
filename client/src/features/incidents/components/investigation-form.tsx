import { useState, type FormEvent } from 'react';
import { investigationBody, investigationStatus, SUMMARY_MAX, staleInvestigationDays, type IncidentDetail, type InvestigationBody } from '@shared/incidents/contract.js';
import { useI18n } from '../../../app/i18n.js';
import { Field } from '../../../components/field.js';
import { ApiError } from '../../../lib/api-client.js';
import { validate, type FieldMessages } from '../../../lib/form-validation.js';
import { saveInvestigation } from '../api/incidents.js';

type Draft = Required<Record<keyof InvestigationBody, string>>;

/** Plan of Action III and the Mérida MOU: violent incidents are followed up to an investigation. */
export function InvestigationForm({ detail, onSaved }: { detail: IncidentDetail; onSaved: (detail: IncidentDetail) => void }) {
  const { t, pick, formatTime, describeError } = useI18n();
  const saved = detail.investigation;
  const [draft, setDraft] = useState<Draft>({
    leadAgency: saved?.leadAgency ?? '', caseReference: saved?.caseReference ?? '', status: saved?.status ?? 'open', notes: saved?.notes ?? '',
  });
  const [errors, setErrors] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = (name: keyof Draft) => (errors[name] ? pick(errors[name]) : undefined);
  const bind = (name: keyof Draft) => ({ value: draft[name], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(investigationBody, { ...draft, notes: draft.notes.trim() || undefined });
    setErrors(checked.errors ?? {});
    setFailure(null);
    if (!checked.data) return;
    setSaving(true);
    try {
      onSaved(await saveInvestigation(detail.id, checked.data));
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="investigation-form" onSubmit={submit} data-testid="investigation-form">
      <h2>{t('investigation.title')}</h2>
      {!saved && <p className="notice">{t('investigation.required')}</p>}
      {saved && <p className="muted">{t('investigation.updated', { time: formatTime(saved.updatedAt), by: saved.updatedBy })}</p>}
      {saved?.stale && <p className="notice">{t('investigation.stale', { days: staleInvestigationDays })}</p>}
      <div className="field-row">
        <Field label={t('investigation.leadAgency')} error={errorFor('leadAgency')}><input {...bind('leadAgency')} maxLength={200} /></Field>
        <Field label={t('investigation.caseReference')} error={errorFor('caseReference')}><input {...bind('caseReference')} maxLength={100} /></Field>
        <Field label={t('investigation.status')} error={errorFor('status')}>
          <select {...bind('status')}>
            {investigationStatus.options.map((s) => <option key={s} value={s}>{t(`investigationStatus.${s}`)}</option>)}
          </select>
        </Field>
      </div>
      <Field label={t('investigation.notes')} error={errorFor('notes')}><textarea rows={2} maxLength={SUMMARY_MAX} {...bind('notes')} /></Field>
      {failure ? <p role="alert" className="error">{describeError(failure)}</p> : null}
      <button type="submit" disabled={saving}>{t('investigation.save')}</button>
    </form>
  );
}
