import {
  investigationBody,
  investigationStatus,
  SUMMARY_MAX,
  staleInvestigationDays,
  type IncidentDetail,
} from '@shared/incidents/contract.js';
import { Field } from '@client/components/field.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSaveInvestigation } from '../api/save-investigation.js';

/**
 * Plan of Action III and the Mérida MOU: violent incidents are followed up to an investigation.
 * Mount it keyed by the record's `updatedAt`: it starts from the record on screen.
 */
export function InvestigationForm({ detail }: { detail: IncidentDetail }) {
  const { t, formatTime, describeError } = useI18n();
  const saved = detail.investigation;
  const save = useSaveInvestigation(detail.id);
  const form = useSchemaForm(investigationBody, {
    defaultValues: {
      leadAgency: saved?.leadAgency ?? '',
      caseReference: saved?.caseReference ?? '',
      status: saved?.status ?? 'open',
      notes: saved?.notes ?? '',
    },
  });
  const submit = form.submitWith((body) => save.mutateAsync({ ...body, notes: body.notes || undefined }));

  return (
    <form className="investigation-form" onSubmit={submit} noValidate data-testid="investigation-form">
      <h2>{t('investigation.title')}</h2>
      {!saved && <p className="notice">{t('investigation.required')}</p>}
      {saved && (
        <p className="muted">
          {t('investigation.updated', { time: formatTime(saved.updatedAt), by: saved.updatedBy })}
        </p>
      )}
      {saved?.stale && <p className="notice">{t('investigation.stale', { days: staleInvestigationDays })}</p>}
      <div className="field-row">
        <Field label={t('investigation.leadAgency')} error={form.errorFor('leadAgency')}>
          <input {...form.register('leadAgency')} maxLength={200} />
        </Field>
        <Field label={t('investigation.caseReference')} error={form.errorFor('caseReference')}>
          <input {...form.register('caseReference')} maxLength={100} />
        </Field>
        <Field label={t('investigation.status')} error={form.errorFor('status')}>
          <select {...form.register('status')}>
            {investigationStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`investigationStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('investigation.notes')} error={form.errorFor('notes')}>
        <textarea rows={2} maxLength={SUMMARY_MAX} {...form.register('notes')} />
      </Field>
      {form.failure ? (
        <p role="alert" className="error">
          {describeError(form.failure)}
        </p>
      ) : null}
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('investigation.save')}
      </button>
    </form>
  );
}
