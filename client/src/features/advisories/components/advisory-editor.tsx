import { useState, type FormEvent } from 'react';
import {
  advisorySeverities,
  hazards,
  type AdvisoryBody,
  type AdvisoryDetail,
  type AdvisorySeverity,
  type Hazard,
} from '@shared/advisories/contract.js';
import type { FieldError } from '@shared/errors.js';
import { Field } from '@client/components/field.js';
import { ApiError } from '@client/lib/api-client.js';
import { useClock } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { toLocalInput, withLocalOffset } from '@client/lib/local-time.js';
import { useHighRiskAreas } from '../api/list-areas.js';
import { useSaveAdvisory } from '../api/save-advisory.js';

interface FormState {
  hazard: Hazard;
  severity: AdvisorySeverity;
  areaIds: string[];
  polygon: string;
  validFrom: string;
  validTo: string;
  en: string;
  es: string;
  exercise: boolean;
}

function initialState(advisory: AdvisoryDetail | null, now: Date): FormState {
  if (!advisory)
    return {
      hazard: 'heat',
      severity: 'severe',
      areaIds: [],
      polygon: '',
      validFrom: toLocalInput(now),
      validTo: toLocalInput(new Date(now.getTime() + 48 * 3_600_000)),
      en: '',
      es: '',
      exercise: false,
    };
  return {
    hazard: advisory.hazard,
    severity: advisory.severity,
    areaIds: advisory.areaIds,
    polygon: advisory.polygon ? JSON.stringify(advisory.polygon) : '',
    validFrom: toLocalInput(new Date(advisory.validFrom)),
    validTo: toLocalInput(new Date(advisory.validTo)),
    en: advisory.text.en ?? '',
    es: advisory.text.es ?? '',
    exercise: advisory.exercise,
  };
}

/** The request body; a polygon that isn't JSON goes as text, for the server to refuse field by field. */
function toBody(form: FormState): AdvisoryBody {
  let polygon: unknown = undefined;
  if (form.polygon.trim()) {
    try {
      polygon = JSON.parse(form.polygon);
    } catch {
      polygon = form.polygon;
    }
  }
  return {
    hazard: form.hazard,
    severity: form.severity,
    areaIds: form.areaIds,
    polygon: polygon as AdvisoryBody['polygon'],
    validFrom: withLocalOffset(form.validFrom),
    validTo: withLocalOffset(form.validTo),
    text: { en: form.en.trim() || undefined, es: form.es.trim() || undefined },
    exercise: form.exercise,
  };
}

/** Field messages of a refused request, by path (`text.es`, `polygon.coordinates`). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? (error.body?.fields ?? []) : [];
}

/**
 * The advisory editor: hazard, severity, validity, high-risk areas or a drawn polygon, and
 * the English and Spanish texts side by side (both needed to publish; a draft may have one).
 */
export function AdvisoryEditor({
  advisory,
  onSaved,
}: {
  advisory: AdvisoryDetail | null;
  onSaved: (id: string) => void;
}) {
  const { t, pick, describeError } = useI18n();
  const clock = useClock();
  const areas = useHighRiskAreas();
  const save = useSaveAdvisory();
  const [form, setForm] = useState(() => initialState(advisory, new Date(clock())));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = fieldErrorsOf(save.error);
  const errorFor = (...paths: string[]) => {
    const found = fields.find((f) => paths.some((p) => f.path === p || f.path.startsWith(`${p}.`)));
    return found ? pick(found.message) : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: advisory?.id ?? null, body: toBody(form) }, { onSuccess: (saved) => onSaved(saved.id) });
  };
  const toggleArea = (id: string) =>
    set('areaIds', form.areaIds.includes(id) ? form.areaIds.filter((a) => a !== id) : [...form.areaIds, id]);

  return (
    <form className="advisory-editor" onSubmit={submit} noValidate aria-label={t('advisories.new')}>
      <div className="form-row">
        <Field label={t('advisoryField.hazard')} error={errorFor('hazard')}>
          <select value={form.hazard} onChange={(e) => set('hazard', e.target.value as Hazard)} name="hazard">
            {hazards.map((h) => (
              <option key={h} value={h}>
                {t(`hazard.${h}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('advisoryField.severity')} error={errorFor('severity')}>
          <select
            value={form.severity}
            onChange={(e) => set('severity', e.target.value as AdvisorySeverity)}
            name="severity"
          >
            {advisorySeverities.map((s) => (
              <option key={s} value={s}>
                {t(`advisorySeverity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('advisoryField.validFrom')} error={errorFor('validFrom')}>
          <input
            type="datetime-local"
            name="validFrom"
            value={form.validFrom}
            onChange={(e) => set('validFrom', e.target.value)}
          />
        </Field>
        <Field label={t('advisoryField.validTo')} error={errorFor('validTo')}>
          <input
            type="datetime-local"
            name="validTo"
            value={form.validTo}
            onChange={(e) => set('validTo', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="advisory-areas">
        <legend>{t('advisories.areasLabel')}</legend>
        {areas.data?.features.map((area) => (
          <label key={area.id} className="checkbox">
            <input
              type="checkbox"
              name="areaIds"
              value={area.id}
              checked={form.areaIds.includes(area.id)}
              onChange={() => toggleArea(area.id)}
            />
            {pick(area.properties.name)}
          </label>
        ))}
        {errorFor('areaIds') && (
          <span className="field-error" role="alert">
            {errorFor('areaIds')}
          </span>
        )}
      </fieldset>
      <Field label={t('advisories.polygonLabel')} error={errorFor('polygon')}>
        <textarea name="polygon" rows={2} value={form.polygon} onChange={(e) => set('polygon', e.target.value)} />
      </Field>
      <div className="advisory-languages">
        <Field label={t('advisoryField.textEn')} error={errorFor('text.en')}>
          <textarea name="text.en" lang="en" rows={5} value={form.en} onChange={(e) => set('en', e.target.value)} />
        </Field>
        <Field label={t('advisoryField.textEs')} error={errorFor('text.es')}>
          <textarea name="text.es" lang="es" rows={5} value={form.es} onChange={(e) => set('es', e.target.value)} />
        </Field>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          name="exercise"
          checked={form.exercise}
          onChange={(e) => set('exercise', e.target.checked)}
        />
        {t('advisoryField.exercise')}
      </label>
      {save.error !== null && fields.length === 0 && (
        <p className="form-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
      <button type="submit" disabled={save.isPending}>
        {advisory?.status === 'published' ? t('advisories.saveUpdate') : t('advisories.save')}
      </button>
    </form>
  );
}
