import { useState, type FormEvent } from 'react';
import { createIncidentBody, incidentTypes, severities, SUMMARY_MAX, type IncidentType, type Severity } from '@shared/incidents/contract.js';
import type { LatLon } from '@shared/reference/contract.js';
import { useI18n } from '../../../app/i18n.js';
import { navigate } from '../../../app/routing.js';
import { Field } from '../../../components/field.js';
import { ApiError } from '../../../lib/api-client.js';
import { validate, type FieldMessages } from '../../../lib/form-validation.js';
import { toLocalInput, withLocalOffset } from '../../../lib/local-time.js';
import { createIncident } from '../api/incidents.js';
import { LocationPicker } from './location-picker.js';

const peopleFields = ['rescued', 'injured', 'deceased'] as const;

interface Form {
  type: IncidentType;
  severity: Severity;
  summary: string;
  lat: string;
  lon: string;
  occurredAt: string;
  rescued: string;
  injured: string;
  deceased: string;
}

/** Blank inputs stay undefined so the schema says "is required" rather than accepting 0. */
const numberOrBlank = (text: string) => (text.trim() === '' ? undefined : Number(text));

function toBody(form: Form) {
  return {
    type: form.type,
    severity: form.severity,
    summary: form.summary,
    location: { lat: numberOrBlank(form.lat), lon: numberOrBlank(form.lon) },
    occurredAt: withLocalOffset(form.occurredAt),
    people: { rescued: numberOrBlank(form.rescued), injured: numberOrBlank(form.injured), deceased: numberOrBlank(form.deceased) },
  };
}

const fieldPath: Record<keyof Form, string> = {
  type: 'type', severity: 'severity', summary: 'summary', lat: 'location.lat', lon: 'location.lon',
  occurredAt: 'occurredAt', rescued: 'people.rescued', injured: 'people.injured', deceased: 'people.deceased',
};

export function ReportIncidentPage() {
  const { t, pick, describeError } = useI18n();
  const [form, setForm] = useState<Form>(() => ({
    type: 'migrant_distress', severity: 'high', summary: '', lat: '', lon: '',
    occurredAt: toLocalInput(new Date()), rescued: '0', injured: '0', deceased: '0',
  }));
  const [touched, setTouched] = useState<Set<keyof Form>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const checked = validate(createIncidentBody, toBody(form));
  const errorFor = (name: keyof Form) => {
    const path = fieldPath[name];
    const message = serverErrors[path] ?? ((submitted || touched.has(name)) && checked.errors?.[path]);
    return message ? pick(message) : undefined;
  };

  const set = (name: keyof Form) => (value: string) => {
    setForm((current) => ({ ...current, [name]: value }));
    setTouched((current) => new Set(current).add(name));
    setServerErrors(({ [fieldPath[name]]: _stale, ...rest }) => rest);
  };
  const input = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => set(name)(e.target.value),
    'aria-invalid': Boolean(errorFor(name)),
    name,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!checked.data) return;
    setSending(true);
    try {
      const created = await createIncident(checked.data);
      navigate(`/incidents/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError) setServerErrors(error.fieldErrors());
      setFailure(error);
      setSending(false);
    }
  }

  return (
    <section className="page">
      <h1>{t('incidentForm.title')}</h1>
      <form className="report-form" onSubmit={submit} noValidate data-testid="report-form">
        <div className="report-fields">
          <Field label={t('incidentField.type')} error={errorFor('type')}>
            <select {...input('type')}>
              {incidentTypes.map((type) => <option key={type} value={type}>{t(`incidentType.${type}`)}</option>)}
            </select>
          </Field>
          <Field label={t('incidentField.severity')} error={errorFor('severity')}>
            <select {...input('severity')}>
              {severities.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
            </select>
          </Field>
          <Field label={t('incidentField.summary')} error={errorFor('summary')}>
            <textarea rows={4} maxLength={SUMMARY_MAX + 1} {...input('summary')} />
          </Field>
          <Field label={t('incidentField.occurredAt')} error={errorFor('occurredAt')}>
            <input type="datetime-local" {...input('occurredAt')} />
          </Field>
          <div className="field-row">
            {peopleFields.map((name) => (
              <Field key={name} label={t(`incidentField.${name}`)} error={errorFor(name)}>
                <input type="number" min={0} step={1} inputMode="numeric" {...input(name)} />
              </Field>
            ))}
          </div>
        </div>
        <fieldset className="report-location">
          <legend>{t('incidentField.location')}</legend>
          <p className="muted">{t('incidentForm.pickHint')}</p>
          <LocationPicker
            value={locationOf(form)}
            onPick={(point) => {
              set('lat')(String(point.lat));
              set('lon')(String(point.lon));
            }}
          />
          <div className="field-row">
            <Field label={t('incidentField.lat')} error={errorFor('lat')}>
              <input type="number" step="any" inputMode="decimal" {...input('lat')} />
            </Field>
            <Field label={t('incidentField.lon')} error={errorFor('lon')}>
              <input type="number" step="any" inputMode="decimal" {...input('lon')} />
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          {submitted && checked.errors && <p role="alert" className="error">{t('incidentForm.fixErrors')}</p>}
          {failure ? <p role="alert" className="error">{describeError(failure)}</p> : null}
          <button type="submit" className="primary" disabled={sending} data-testid="submit-incident">
            {sending ? t('incidentForm.submitting') : t('incidentForm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A marker position even while other fields are still invalid. */
function locationOf(form: Form): LatLon | null {
  const lat = numberOrBlank(form.lat);
  const lon = numberOrBlank(form.lon);
  return lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}
