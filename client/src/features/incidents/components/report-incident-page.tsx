import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { mechanismScopeOf } from '@shared/auth.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { createIncidentBody, incidentTypes, isoInstant, severities, SUMMARY_MAX } from '@shared/incidents/contract.js';
import { occurredAtReason, occurredAtRefusal } from '@shared/incidents/rules.js';
import type { LatLon } from '@shared/reference/contract.js';
import { DateTimeFields } from '@client/components/date-time-fields.js';
import { ExerciseToggle } from '@client/components/exercise-toggle.js';
import { Field } from '@client/components/field.js';
import { useClock, type Clock } from '@client/lib/clock.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { toLocalInput, withLocalOffset } from '@client/lib/local-time.js';
import { zoneAbbreviation } from '@client/lib/zoned-time.js';
import { ApiError } from '@client/lib/api-client.js';
import { boundsOf } from '@client/lib/map/geojson.js';
import { useUser } from '@client/lib/session.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useCreateIncident } from '../api/create-incident.js';
import { usePlacePreview } from '../hooks/use-place-preview.js';
import { LocationPicker, type Bounds } from './location-picker.js';
import { PlaceLine } from './place-line.js';

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The report is the API's own body (field names are its paths, so the server's `fields[]`
 * land on the right input); only the time differs: the officer types a date and a clock
 * time in their language's way, the browser adds its UTC offset, and the same rule the
 * server applies bounds it at once (not before 2000, not in the future).
 */
const reportForm = (clock: Clock) =>
  createIncidentBody.extend({
    occurredAt: z
      .string()
      .refine((value) => localDateTime.test(value), customIssue(bilingual('incidentForm.whenFormat')))
      .transform(withLocalOffset)
      .pipe(isoInstant)
      .superRefine((occurredAt, ctx) => {
        const refusal = occurredAtRefusal(occurredAt, new Date(clock()));
        if (refusal) ctx.addIssue({ code: 'custom', ...customIssue(bilingualRef(occurredAtReason(refusal))) });
      }),
  });

const peopleFields = ['rescued', 'injured', 'deceased'] as const;

/**
 * Farther than this from the nearest border town (every port of entry has one) a point is
 * more likely a slip of the map than an incident: the reporter is asked to confirm it.
 */
const FAR_FROM_TOWN_KM = 50;

/** The reporter's own stretch of the border: their mechanism's area (a mechanism without one: around its centre). */
function useHome(): Bounds | null {
  const scope = mechanismScopeOf(useUser());
  const mechanism = useMechanisms().data?.find((m) => m.id === scope);
  return useMemo(() => {
    if (!mechanism) return null;
    const { lat, lon } = mechanism.centre;
    return (mechanism.area && boundsOf(mechanism.area)) ?? [lon - 0.3, lat - 0.2, lon + 0.3, lat + 0.2];
  }, [mechanism]);
}

/** A marker position even while other fields are still invalid. */
function pickedPoint(location: { lat?: number; lon?: number } | undefined): LatLon | null {
  const { lat, lon } = location ?? {};
  if (lat === undefined || lon === undefined || Number.isNaN(lat) || Number.isNaN(lon)) return null;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

export function ReportIncidentPage() {
  const { t, pick, formatNumber, describeError, viewerTimeZone } = useI18n();
  const clock = useClock();
  const navigate = useNavigate();
  const create = useCreateIncident();
  const schema = useMemo(() => reportForm(clock), [clock]);
  const form = useSchemaForm(schema, {
    defaultValues: {
      type: 'migrant_distress',
      severity: 'high',
      summary: '',
      location: { lat: undefined, lon: undefined },
      occurredAt: toLocalInput(new Date(clock())),
      people: { rescued: 0, injured: 0, deceased: 0 },
      exercise: false,
    },
  });
  const exercise = useWatch({ control: form.control, name: 'exercise' });
  const { errors, isSubmitted, isSubmitting } = form.formState;
  const location = useWatch({ control: form.control, name: 'location' });
  const point = pickedPoint(location);
  const place = usePlacePreview(point);
  const home = useHome();
  const field = (name: Parameters<typeof form.errorFor>[0]) => ({ 'aria-invalid': Boolean(form.errorFor(name)) });
  // Far from every town, the point is sent once the reporter has said it is the right one.
  const far = place?.nearest && place.nearest.km > FAR_FROM_TOWN_KM ? place.nearest : null;
  const pointKey = point && `${point.lat},${point.lon}`;
  const confirmedFar = useRef<string | null>(null);
  const [askingFar, setAskingFar] = useState<string | null>(null);

  const submit = form.submitWith(async (body) => {
    const key = `${body.location.lat},${body.location.lon}`;
    if (far && confirmedFar.current !== key) return setAskingFar(key);
    const created = await create.mutateAsync(body);
    await navigate(`/incidents/${created.id}`);
  });

  return (
    <section className="page">
      <h1>{t('incidentForm.title')}</h1>
      <form className="report-form" onSubmit={submit} noValidate data-testid="report-form">
        <ExerciseToggle
          label={t('incidentField.exercise')}
          hint={t('incidentForm.exerciseHint')}
          checked={Boolean(exercise)}
          input={form.register('exercise')}
          testId="exercise-checkbox"
        />
        <div className="report-fields">
          <Field label={t('incidentField.type')} error={form.errorFor('type')}>
            <select {...form.register('type')} {...field('type')}>
              {incidentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`incidentType.${type}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('incidentField.severity')} error={form.errorFor('severity')}>
            <select {...form.register('severity')} {...field('severity')}>
              {severities.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('incidentField.summary')} error={form.errorFor('summary')}>
            <textarea rows={4} maxLength={SUMMARY_MAX + 1} {...form.register('summary')} {...field('summary')} />
          </Field>
          <Controller
            control={form.control}
            name="occurredAt"
            render={({ field: { value, onChange } }) => (
              <DateTimeFields
                legend={t('incidentField.occurredAtYours', {
                  zone: zoneAbbreviation(viewerTimeZone, new Date(clock())),
                })}
                value={value}
                onChange={onChange}
                error={form.errorFor('occurredAt')}
                names={{ date: 'occurredAt.date', time: 'occurredAt.time' }}
              />
            )}
          />
          <div className="field-row">
            {peopleFields.map((name) => (
              <Field key={name} label={t(`incidentField.${name}`)} error={form.errorFor(`people.${name}`)}>
                <input
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  {...form.register(`people.${name}`, numberInput)}
                  {...field(`people.${name}`)}
                />
              </Field>
            ))}
          </div>
        </div>
        <fieldset className="report-location">
          <legend>{t('incidentField.location')}</legend>
          <p className="muted">{t('incidentForm.pickHint')}</p>
          <LocationPicker
            value={point}
            home={home}
            onPick={({ lat, lon }) => {
              form.setValue('location.lat', lat, { shouldValidate: true, shouldDirty: true });
              form.setValue('location.lon', lon, { shouldValidate: true, shouldDirty: true });
            }}
          />
          <div className="field-row">
            <Field label={t('incidentField.lat')} error={form.errorFor('location.lat')}>
              <input
                type="number"
                step="any"
                inputMode="decimal"
                {...form.register('location.lat', numberInput)}
                {...field('location.lat')}
              />
            </Field>
            <Field label={t('incidentField.lon')} error={form.errorFor('location.lon')}>
              <input
                type="number"
                step="any"
                inputMode="decimal"
                {...form.register('location.lon', numberInput)}
                {...field('location.lon')}
              />
            </Field>
          </div>
          {point && place && (
            <div className="place-preview" data-testid="place-preview" aria-live="polite">
              <p>
                <strong>{t('place.title')}:</strong> <PlaceLine incident={{ place, location: point }} />
              </p>
              <p data-testid="responsible-mechanism">
                {place.mechanism
                  ? t('incidentForm.goesTo', { mechanism: t('place.mechanism', { name: pick(place.mechanism.name) }) })
                  : t('incidentForm.goesToNone')}
              </p>
              {far && (
                <p className="notice" data-testid="far-from-towns">
                  {t('incidentForm.farFromTowns', { km: formatNumber(far.km), town: far.town, max: FAR_FROM_TOWN_KM })}
                </p>
              )}
            </div>
          )}
        </fieldset>
        {far && askingFar === pointKey && (
          <div role="alert" className="notice confirm-far" data-testid="confirm-far">
            <p>{t('incidentForm.confirmFar', { km: formatNumber(far.km), town: far.town })}</p>
            <button
              type="button"
              className="primary"
              disabled={isSubmitting}
              onClick={() => {
                confirmedFar.current = pointKey;
                void submit();
              }}
            >
              {t('incidentForm.confirmFarSend')}
            </button>
            <button type="button" onClick={() => setAskingFar(null)}>
              {t('incidentForm.confirmFarChange')}
            </button>
          </div>
        )}
        <div className="form-actions">
          {isSubmitted && (Object.keys(errors).length > 0 || hasFieldReasons(form.failure)) && (
            <p role="alert" className="error">
              {t('incidentForm.fixErrors')}
            </p>
          )}
          {form.failure && !hasFieldReasons(form.failure) ? (
            <p role="alert" className="error">
              {describeError(form.failure)}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={isSubmitting} data-testid="submit-incident">
            {isSubmitting ? t('incidentForm.submitting') : t('incidentForm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A refusal whose reasons are already shown beside the fields they concern. */
const hasFieldReasons = (failure: unknown) => failure instanceof ApiError && Boolean(failure.body?.fields?.length);
