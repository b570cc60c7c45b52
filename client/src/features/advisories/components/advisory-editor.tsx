import { useEffect, useMemo } from 'react';
import type { FeatureCollection, Polygon } from 'geojson';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  advisoryFields,
  advisoryPolygon,
  advisorySeverities,
  advisoryText,
  checkAdvisory,
  hazards,
  type AdvisoryDetail,
} from '@shared/advisories/contract.js';
import type { FieldError } from '@shared/errors.js';
import { bilingual } from '@shared/i18n/index.js';
import { customIssue, describeIssue } from '@shared/i18n/validation.js';
import { isoInstant } from '@shared/incidents/contract.js';
import { DateTimeFields } from '@client/components/date-time-fields.js';
import { Field } from '@client/components/field.js';
import { PolygonDrawMap } from '@client/components/polygon-draw-map.js';
import { useAreas } from '@client/features/reference/index.js';
import { ApiError } from '@client/lib/api-client.js';
import { useClock } from '@client/lib/clock.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { toLocalInput, withLocalOffset } from '@client/lib/local-time.js';
import { zoneAbbreviation } from '@client/lib/zoned-time.js';
import { usePublishAdvisory } from '../api/publish-advisory.js';
import { useSaveAdvisory } from '../api/save-advisory.js';
import { advisoryColours } from '../map/colours.js';
import '../advisories.css';

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** A date and time typed in the page's language, sent with the browser's UTC offset. */
const localInstant = z
  .string()
  .refine((value) => localDateTime.test(value), customIssue(bilingual('advisoryError.whenFormat')))
  .transform(withLocalOffset)
  .pipe(isoInstant);
/** A language left blank is a language not written yet (a draft may have one): not sent. */
const blankIsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * The API body as the editor holds it: the shared fields and rules, with validity typed as
 * local date and time, no polygon as null (nothing drawn), and blank texts left out.
 */
const advisoryForm = advisoryFields
  .extend({
    polygon: z.preprocess((value) => value ?? undefined, advisoryPolygon.optional()),
    validFrom: localInstant,
    validTo: localInstant,
    text: z.object({
      en: z.preprocess(blankIsMissing, advisoryText.shape.en),
      es: z.preprocess(blankIsMissing, advisoryText.shape.es),
    }),
  })
  .superRefine(checkAdvisory);
type AdvisoryFormInput = z.input<typeof advisoryForm>;

function defaultsOf(advisory: AdvisoryDetail | null, now: Date): AdvisoryFormInput {
  if (!advisory)
    return {
      hazard: 'heat',
      severity: 'severe',
      areaIds: [],
      polygon: null,
      validFrom: toLocalInput(now),
      validTo: toLocalInput(new Date(now.getTime() + 48 * 3_600_000)),
      text: { en: '', es: '' },
      exercise: false,
    };
  return {
    hazard: advisory.hazard,
    severity: advisory.severity,
    areaIds: advisory.areaIds,
    polygon: advisory.polygon,
    validFrom: toLocalInput(new Date(advisory.validFrom)),
    validTo: toLocalInput(new Date(advisory.validTo)),
    text: { en: advisory.text.en ?? '', es: advisory.text.es ?? '' },
    exercise: advisory.exercise,
  };
}

/** Field messages of a refused request, by path (`text.es`, `polygon.coordinates`). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? (error.body?.fields ?? []) : [];
}

/**
 * The advisory editor: hazard, severity, validity, the high-risk areas and/or a polygon drawn
 * on the map (or pasted as GeoJSON), and the English and Spanish texts side by side. A draft
 * may have one language; publishing needs both, and the server's reason lands on the empty
 * one. Checked with the API's own schema as the supervisor types.
 */
export function AdvisoryEditor({
  advisory,
  onSaved,
  onClose,
}: {
  advisory: AdvisoryDetail | null;
  onSaved: (id: string) => void;
  /** Closes a new advisory's editor (an existing one discards its changes instead). */
  onClose?: () => void;
}) {
  const { t, pick, describeError, viewerTimeZone } = useI18n();
  const clock = useClock();
  const areas = useAreas();
  const save = useSaveAdvisory();
  const publish = usePublishAdvisory();
  const form = useSchemaForm(advisoryForm, { defaultValues: defaultsOf(advisory, new Date(clock())) });
  const { isDirty, isSubmitting } = form.formState;

  // A new version (saved here, or by someone else) is what the form starts from; the reason a
  // publication was refused stays beside its field.
  const version = advisory?.version;
  useEffect(() => {
    if (advisory) form.reset(defaultsOf(advisory, new Date(clock())), { keepErrors: true });
    // Only a new version resets: the advisory object is new on every refetch.
  }, [version]);

  // The polygon has no input of its own: registered here, set by the drawing map.
  useEffect(() => void form.register('polygon'), [form]);
  const [polygon, areaIds, severity] = useWatch({ control: form.control, name: ['polygon', 'areaIds', 'severity'] });
  const drawn = (polygon ?? null) as Polygon | null;
  // Checked as it is drawn, with the API's own rule and words (the schema checks it again on saving).
  const drawnCheck = useMemo(() => (drawn ? advisoryPolygon.safeParse(drawn) : null), [drawn]);
  const drawnProblem =
    drawnCheck && !drawnCheck.success ? pick(describeIssue(drawnCheck.error.issues[0]!).message) : undefined;
  const chosen = useMemo(() => new Set(areaIds ?? []), [areaIds]);
  // Every high-risk area under the drawing, the chosen ones outlined in the severity's colour.
  const context = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: (areas.data?.features ?? []).map((area) => ({
        type: 'Feature',
        properties: chosen.has(area.id) ? { stroke: advisoryColours[severity ?? 'severe'], 'stroke-width': 2.5 } : {},
        geometry: area.geometry,
      })),
    }),
    [areas.data, chosen, severity],
  );
  const toggleArea = (id: string) =>
    form.setValue('areaIds', chosen.has(id) ? [...chosen].filter((a) => a !== id) : [...chosen, id], {
      shouldValidate: true,
      shouldDirty: true,
    });

  const submit = form.submitWith(async (body) =>
    onSaved((await save.mutateAsync({ id: advisory?.id ?? null, body })).id),
  );
  // Publishing sends what is on screen: unsaved changes are saved first, so the server judges what the supervisor sees.
  const saveAndPublish = form.submitWith(async (body) => {
    if (!advisory) return;
    if (isDirty) await save.mutateAsync({ id: advisory.id, body });
    await publish.mutateAsync(advisory.id);
  });
  const zone = zoneAbbreviation(viewerTimeZone, new Date(clock()));
  const validity = (name: 'validFrom' | 'validTo') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field: { value, onChange } }) => (
        <DateTimeFields
          // A new version rewrites the typed text.
          key={version}
          legend={t(`advisoryField.${name}`, { zone })}
          value={value}
          onChange={onChange}
          error={form.errorFor(name)}
          names={{ date: `${name}.date`, time: `${name}.time` }}
        />
      )}
    />
  );
  const language = (code: 'en' | 'es') => (
    <Field
      label={t(code === 'en' ? 'advisoryField.textEn' : 'advisoryField.textEs')}
      error={form.errorFor(`text.${code}`)}
    >
      <textarea lang={code} rows={6} {...form.register(`text.${code}`)} />
    </Field>
  );

  return (
    <form
      className="advisory-editor"
      onSubmit={submit}
      noValidate
      aria-label={advisory ? t('advisories.edit') : t('advisories.new')}
    >
      <h3>{advisory ? t('advisories.edit') : t('advisories.new')}</h3>
      <div className="field-row">
        <Field label={t('advisoryField.hazard')} error={form.errorFor('hazard')}>
          <select {...form.register('hazard')}>
            {hazards.map((h) => (
              <option key={h} value={h}>
                {t(`hazard.${h}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('advisoryField.severity')} error={form.errorFor('severity')}>
          <select {...form.register('severity')}>
            {advisorySeverities.map((s) => (
              <option key={s} value={s}>
                {t(`advisorySeverity.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-row">
        {validity('validFrom')}
        {validity('validTo')}
      </div>
      <fieldset className="advisory-areas">
        <legend>{t('advisories.areasLabel')}</legend>
        {areas.data?.features.map((area) => (
          <label key={area.id} className="checkbox">
            <input
              type="checkbox"
              name="areaIds"
              value={area.id}
              checked={chosen.has(area.id)}
              onChange={() => toggleArea(area.id)}
            />
            {pick(area.properties.name)}
          </label>
        ))}
        {form.errorFor('areaIds') && (
          <span className="field-error" role="alert">
            {form.errorFor('areaIds')}
          </span>
        )}
      </fieldset>
      <PolygonDrawMap
        label={t('advisories.polygonLabel')}
        value={drawn}
        onChange={(next) => form.setValue('polygon', next, { shouldDirty: true, shouldValidate: true })}
        context={context}
        error={drawnProblem ?? form.errorFor('polygon')}
        testId="advisory-polygon"
      />
      <div className="advisory-languages">
        {language('en')}
        {language('es')}
      </div>
      <p className="form-note">{t('advisories.languagesNote')}</p>
      <label className="checkbox">
        <input type="checkbox" {...form.register('exercise')} />
        {t('advisoryField.exercise')}
      </label>
      {form.failure !== null && (
        <p className="form-error" role="alert" data-testid="advisory-refusal">
          {describeError(form.failure)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className={advisory?.status === 'draft' ? undefined : 'primary'} disabled={isSubmitting}>
          {advisory?.status === 'published' ? t('advisories.saveUpdate') : t('advisories.save')}
        </button>
        {advisory?.status === 'draft' && (
          <button type="button" className="primary" onClick={saveAndPublish} disabled={isSubmitting}>
            {t('advisories.publish')}
          </button>
        )}
        {advisory ? (
          <button type="button" onClick={() => form.reset()} disabled={!isDirty || isSubmitting}>
            {t('advisories.discard')}
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            {t('advisories.close')}
          </button>
        )}
      </div>
    </form>
  );
}
