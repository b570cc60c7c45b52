import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, Polygon } from 'geojson';
import { z } from 'zod';
import { areaBody, areaGeometryInput, type AreaBodyInput } from '@shared/areas/contract.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { riskLevels, type AreaFeature } from '@shared/reference/contract.js';
import { Field } from '@client/components/field.js';
import { PolygonDrawMap } from '@client/components/polygon-draw-map.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useDeleteArea } from '../api/delete-area.js';
import { useSaveArea } from '../api/save-area.js';
import '../areas.css';

/** A season left blank in both languages is no season (the API's `season` is optional). */
const blankSeason = (season: unknown) => {
  const s = season as { en?: string; es?: string } | null | undefined;
  return s && !s.en?.trim() && !s.es?.trim() ? null : season;
};
/** The API body, as the form holds it: the shared schema with a blank season dropped. */
const areaForm = areaBody.extend({
  properties: areaBody.shape.properties.extend({
    season: z.preprocess(blankSeason, areaBody.shape.properties.shape.season),
  }),
});

/** What the form starts from: the area as the map has it, with the wording it lacks left empty. */
function defaultsOf(area: AreaFeature | null): AreaBodyInput {
  if (!area)
    return {
      type: 'Feature',
      geometry: null as unknown as AreaBodyInput['geometry'],
      properties: {
        name: { en: '', es: '' },
        hazard: { en: '', es: '' },
        season: { en: '', es: '' },
        riskLevel: 'high',
      },
    };
  const p = area.properties;
  const own = (field: 'name' | 'hazard' | 'season', language: 'en' | 'es', text: string | undefined) =>
    p.missing.includes(`${field}.${language}`) ? '' : (text ?? '');
  return {
    type: 'Feature',
    geometry: area.geometry,
    properties: {
      name: { en: own('name', 'en', p.name.en), es: own('name', 'es', p.name.es) },
      hazard: { en: own('hazard', 'en', p.hazard.en), es: own('hazard', 'es', p.hazard.es) },
      season: { en: own('season', 'en', p.season?.en), es: own('season', 'es', p.season?.es) },
      riskLevel: p.riskLevel,
    },
  };
}

interface Props {
  /** The area to edit, or null for a new one. */
  area: AreaFeature | null;
  /** Every area on the map, drawn faintly under the outline. */
  others: readonly AreaFeature[];
  onDone: (id: string | null) => void;
}

/**
 * A supervisor's editor of one high-risk area: the outline drawn on the map (or pasted as
 * GeoJSON), names, hazard and season in English and Spanish side by side, the risk level;
 * deleting asks first. Checked with the API's own schema as the supervisor types.
 */
export function AreaEditor({ area, others, onDone }: Props) {
  const { t, pick, describeError } = useI18n();
  const save = useSaveArea();
  const remove = useDeleteArea();
  const [confirming, setConfirming] = useState(false);
  const form = useSchemaForm(areaForm, { defaultValues: defaultsOf(area) });
  // The outline has no input of its own: registered here, set by the drawing map.
  useEffect(() => void form.register('geometry'), [form]);
  const geometry = form.watch('geometry') as AreaFeature['geometry'] | null;
  // Checked as it is drawn, with the API's own rule and words (the form's check runs again on saving).
  const parsedOutline = useMemo(() => (geometry ? areaGeometryInput.safeParse(geometry) : null), [geometry]);
  const outlineProblem =
    parsedOutline && !parsedOutline.success ? pick(describeIssue(parsedOutline.error.issues[0]!).message) : undefined;
  const context = useMemo<FeatureCollection>(
    () => ({
      type: 'FeatureCollection',
      features: others
        .filter((other) => other.id !== area?.id)
        .map((other) => ({ type: 'Feature', properties: {}, geometry: other.geometry })),
    }),
    [others, area?.id],
  );
  const submit = form.submitWith(async (body) => onDone((await save.mutateAsync({ id: area?.id ?? null, body })).id));
  const side = (field: 'name' | 'hazard' | 'season', multiline: boolean) => (
    <div className="area-languages">
      {(['en', 'es'] as const).map((language) => {
        // The season's input type is the preprocessor's (unknown); its fields are these paths all the same.
        const name = `properties.${field}.${language}` as 'properties.name.en';
        const input = { ...form.register(name), lang: language };
        return (
          <Field key={language} label={t(`areaField.${field}.${language}`)} error={form.errorFor(name)}>
            {multiline ? <textarea rows={3} {...input} /> : <input type="text" {...input} />}
          </Field>
        );
      })}
    </div>
  );

  return (
    <form className="area-editor" onSubmit={submit} noValidate aria-label={area ? t('areas.edit') : t('areas.new')}>
      <h2>{area ? t('areas.edit') : t('areas.new')}</h2>
      {area?.geometry.type === 'MultiPolygon' && <p className="form-note">{t('areas.multiPolygonNote')}</p>}
      <PolygonDrawMap
        label={t('areaField.outline')}
        value={geometry?.type === 'Polygon' ? (geometry as Polygon) : null}
        onChange={(polygon) => {
          const outline = polygon ?? (area?.geometry.type === 'MultiPolygon' ? area.geometry : null);
          form.setValue('geometry', outline as AreaBodyInput['geometry'], { shouldDirty: true });
        }}
        context={context}
        error={outlineProblem ?? form.errorFor('geometry')}
        testId="area-outline"
      />
      {side('name', false)}
      {side('hazard', true)}
      {side('season', false)}
      <Field label={t('areaField.riskLevel')} error={form.errorFor('properties.riskLevel')}>
        <select {...form.register('properties.riskLevel')}>
          {riskLevels.map((level) => (
            <option key={level} value={level}>
              {t(`map.risk.${level}`)}
            </option>
          ))}
        </select>
      </Field>
      {form.failure !== null && (
        <p className="form-error" role="alert">
          {describeError(form.failure)}
        </p>
      )}
      <div className="form-actions">
        {area &&
          (confirming ? (
            <span className="area-delete-confirm" role="alert">
              {t('areas.deleteConfirm')}{' '}
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(area.id, { onSuccess: () => onDone(null) })}
              >
                {t('areas.deleteYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('areas.deleteNo')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('areas.delete')}
            </button>
          ))}
        {remove.error !== null && <span role="alert">{describeError(remove.error)}</span>}
        <button type="button" onClick={() => onDone(area?.id ?? null)}>
          {t('areas.cancel')}
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('areas.save')}
        </button>
      </div>
    </form>
  );
}
