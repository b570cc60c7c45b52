import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { Port } from '@shared/reference/contract.js';
import { countryCodes } from '@shared/repatriation/countries.js';
import {
  checkBody,
  MAX_PERSONS,
  person,
  personCategories,
  type Arrangement,
  type CheckBody,
  type Movement,
  type Slot,
} from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { categoryLabels, countryName, formatWhen, violationTitles } from '@shared/repatriation/messages.js';
import { instantAtWallClock, isWallClock, wallClockAt } from '@shared/repatriation/wall-clock.js';
import { zoneAbbreviation } from '@shared/time-zone.js';
import { DateTimeFields } from '@client/components/date-time-fields.js';
import { ExerciseBadge } from '@client/components/exercise-badge.js';
import { ExerciseToggle } from '@client/components/exercise-toggle.js';
import { Field } from '@client/components/field.js';
import { refusalOf } from '@client/lib/api-client.js';
import { useClock } from '@client/lib/clock.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useCan } from '@client/lib/use-can.js';
import { usePlanMovement } from '../api/plan-movement.js';
import { useBrowserCheck } from '../hooks/use-browser-check.js';
import { minuteAtOrAfter, shortPortName, zoneOfPort } from '../port-clock.js';
import { VerdictPanel } from './verdict-panel.js';

const wallClockMessage = {
  en: 'choose a date and time at the port',
  es: 'elija una fecha y hora del puerto',
};
const wallClock = z.string().refine(isWallClock, { params: { text: wallClockMessage } });

/**
 * The check and plan form: the API's movement body, field for field (so the server's
 * `fields[]` land on the right input), except that times are typed on the port's clock.
 */
const planForm = z.object({
  portId: z.string().min(1),
  at: wallClock,
  consularNoticeAt: wallClock.or(z.literal('')),
  fromFacility: z.string().trim().min(1).max(200),
  persons: z.array(person).min(1).max(MAX_PERSONS),
  exercise: z.boolean(),
});
type PlanForm = z.input<typeof planForm>;

/** Most removals are of Mexican nationals; Central Americans are the usual other case (Plan of Action VI). */
const firstNationalities = ['MX', 'GT', 'HN', 'SV', 'US'];

/** A form's values as the engine's request, when complete enough to check. */
function toRequest(values: Partial<PlanForm>, zoneOf: (portId: string) => string): CheckBody | null {
  if (!values.portId || !values.at) return null;
  const zone = zoneOf(values.portId);
  const at = instantAtWallClock(values.at, zone);
  const notice = values.consularNoticeAt ? instantAtWallClock(values.consularNoticeAt, zone) : null;
  const parsed = checkBody.safeParse({
    portId: values.portId,
    at,
    persons: values.persons,
    ...(notice ? { consularNoticeAt: notice } : {}),
    // A drill is checked against drills only, as the server will (issue 18).
    ...(values.exercise ? { exercise: true } : {}),
  });
  return parsed.success ? parsed.data : null;
}

interface Props {
  ports: readonly Port[];
  arrangements: readonly Arrangement[];
  /** The port the page shows; the form starts there. */
  portId: string;
  onSaved: (movement: Movement) => void;
}

/**
 * Check a removal as it is typed (the shared engine in the browser: allowed, or every broken
 * rule with the persons it concerns and the next slots), move it to a suggested slot, and
 * save it as a planned movement — where the server decides with the same engine.
 */
export function CheckForm({ ports, arrangements, portId, onSaved }: Props) {
  const { t, language, describeError } = useI18n();
  const can = useCan();
  const clock = useClock();
  const plan = usePlanMovement();
  const [saved, setSaved] = useState<Movement | null>(null);
  /** The request the server last answered: its refusal shows until the form changes. */
  const [submitted, setSubmitted] = useState<string | null>(null);
  const zoneOf = (id: string) => zoneOfPort(id, ports, arrangements);
  const designated = ports.filter((p) => arrangements.some((a) => a.portIds.includes(p.id)));

  /** A fresh form at a port: tomorrow at 10:00 on its clock (a removal is planned ahead), one person. */
  const freshValues = (port: string): PlanForm => ({
    portId: port,
    at: `${wallClockAt(clock() + 86_400_000, zoneOf(port)).slice(0, 10)}T10:00`,
    consularNoticeAt: '',
    fromFacility: '',
    persons: [{ nationality: 'MX', category: 'adult_male' }],
    exercise: false,
  });
  const form = useSchemaForm(planForm, { defaultValues: freshValues(portId) });
  const persons = useFieldArray({ control: form.control, name: 'persons' });
  const values = useWatch({ control: form.control }) as Partial<PlanForm>;
  const request = toRequest(values, zoneOf);
  const { verdict, error: dataError } = useBrowserCheck(request);
  // The server's 422: its violations and slots.
  const serverRefusal =
    submitted === JSON.stringify(request) ? refusalOf(repatriationEndpoints.plan, 422, plan.error) : null;
  const zone = values.portId ? zoneOf(values.portId) : null;
  const at = request ? Date.parse(request.at) : null;

  const nationalityOptions = useMemo(() => {
    const rest = countryCodes
      .filter((code) => !firstNationalities.includes(code))
      .map((code) => ({ code, name: countryName(code, language) }))
      .sort((a, b) => a.name.localeCompare(b.name, language));
    return [...firstNationalities.map((code) => ({ code, name: countryName(code, language) })), ...rest];
  }, [language]);

  const flagged = new Map<number, string[]>();
  for (const violation of verdict?.violations ?? []) {
    for (const index of violation.personIndexes ?? []) {
      flagged.set(index, [...(flagged.get(index) ?? []), violationTitles[violation.code][language]]);
    }
  }

  const moveTo = (slot: Slot) => {
    const local = wallClockAt(minuteAtOrAfter(Date.parse(slot.start)), zoneOf(slot.portId));
    form.setValue('portId', slot.portId, { shouldValidate: true, shouldDirty: true });
    form.setValue('at', local, { shouldValidate: true, shouldDirty: true });
  };

  const submit = form.submitWith(async (data) => {
    setSaved(null);
    setSubmitted(JSON.stringify(request));
    const zoneOfData = zoneOf(data.portId);
    const notice = data.consularNoticeAt ? instantAtWallClock(data.consularNoticeAt, zoneOfData) : null;
    const created = await plan.mutateAsync({
      portId: data.portId,
      at: instantAtWallClock(data.at, zoneOfData)!,
      fromFacility: data.fromFacility,
      persons: data.persons,
      exercise: data.exercise,
      ...(notice ? { consularNoticeAt: notice } : {}),
    });
    setSaved(created);
    // The form starts fresh at the same port: left as it was, the browser's check would count the
    // movement just saved against itself and show it refused.
    form.reset(freshValues(data.portId));
    setSubmitted(null);
    onSaved(created);
  });
  const partErrors = { date: t('repatriation.dateInvalid'), time: t('repatriation.timeInvalid') };
  const partLabels = { date: t('repatriation.date'), time: t('repatriation.time') };

  const field = (name: Parameters<typeof form.errorFor>[0]) => ({ 'aria-invalid': Boolean(form.errorFor(name)) });
  const zoneNote = zone && at !== null ? t('repatriation.portClock', { zone: zoneAbbreviation(zone, at) }) : '';

  return (
    <section className="check-panel" aria-labelledby="check-title">
      <h2 id="check-title">{t('repatriation.checkTitle')}</h2>
      <form className="check-form" onSubmit={submit} noValidate data-testid="check-form">
        <ExerciseToggle
          label={t('repatriation.exercise')}
          hint={t('repatriation.exerciseHint')}
          checked={Boolean(values.exercise)}
          input={form.register('exercise')}
          testId="exercise-checkbox"
        />
        <div className="field-row">
          <Field label={t('repatriation.port')} error={form.errorFor('portId')}>
            <select {...form.register('portId')} {...field('portId')}>
              {designated.map((p) => (
                <option key={p.id} value={p.id}>
                  {shortPortName(p)}
                </option>
              ))}
            </select>
          </Field>
          <Controller
            control={form.control}
            name="at"
            render={({ field: { value, onChange } }) => (
              <DateTimeFields
                legend={`${t('repatriation.when')} ${zoneNote}`}
                value={value}
                onChange={onChange}
                error={form.errorFor('at')}
                names={{ date: 'at-date', time: 'at-time' }}
                twentyFourHour
                partErrors={partErrors}
                labels={partLabels}
              />
            )}
          />
        </div>
        <div className="field-row">
          <Controller
            control={form.control}
            name="consularNoticeAt"
            render={({ field: { value, onChange } }) => (
              <DateTimeFields
                legend={t('repatriation.noticeGiven')}
                value={value}
                onChange={onChange}
                error={form.errorFor('consularNoticeAt')}
                names={{ date: 'consularNoticeAt-date', time: 'consularNoticeAt-time' }}
                twentyFourHour
                partErrors={partErrors}
                labels={partLabels}
              />
            )}
          />
          <Field label={t('repatriation.fromFacility')} error={form.errorFor('fromFacility')}>
            <input type="text" maxLength={200} {...form.register('fromFacility')} {...field('fromFacility')} />
          </Field>
        </div>
        <fieldset className="persons">
          <legend>{t('repatriation.persons', { count: persons.fields.length })}</legend>
          <ol>
            {persons.fields.map((row, index) => (
              <li key={row.id} className={flagged.has(index) ? 'person-flagged' : ''} data-testid="person-row">
                <span className="person-number" aria-hidden="true">
                  {index + 1}
                </span>
                <Field label={t('repatriation.nationality')} error={form.errorFor(`persons.${index}.nationality`)}>
                  <select {...form.register(`persons.${index}.nationality`)} {...field(`persons.${index}.nationality`)}>
                    {nationalityOptions.map(({ code, name }) => (
                      <option key={code} value={code}>
                        {name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('repatriation.category')} error={form.errorFor(`persons.${index}.category`)}>
                  <select {...form.register(`persons.${index}.category`)} {...field(`persons.${index}.category`)}>
                    {personCategories.map((category) => (
                      <option key={category} value={category}>
                        {categoryLabels[category][language]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('repatriation.familyId')} error={form.errorFor(`persons.${index}.familyId`)}>
                  <input
                    type="text"
                    maxLength={64}
                    {...form.register(`persons.${index}.familyId`, {
                      setValueAs: (v: string) => v?.trim() || undefined,
                    })}
                    {...field(`persons.${index}.familyId`)}
                  />
                </Field>
                <button
                  type="button"
                  className="icon-button remove-person"
                  onClick={() => persons.remove(index)}
                  disabled={persons.fields.length === 1}
                  aria-label={t('repatriation.removePerson', { number: index + 1 })}
                  title={t('repatriation.removePerson', { number: index + 1 })}
                >
                  ×
                </button>
                {flagged.has(index) && <span className="person-flags">{flagged.get(index)!.join(' · ')}</span>}
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => persons.append({ nationality: 'MX', category: 'adult_male' })}
            disabled={persons.fields.length >= MAX_PERSONS}
            data-testid="add-person"
          >
            {t('repatriation.addPerson')}
          </button>
        </fieldset>

        {dataError ? (
          <p role="alert" className="error">
            {describeError(dataError)}
          </p>
        ) : null}
        {serverRefusal ? (
          <VerdictPanel
            verdict={{ ...serverRefusal, allowed: false }}
            source="server"
            ports={ports}
            zoneOf={zoneOf}
            onMove={moveTo}
          />
        ) : verdict ? (
          <VerdictPanel verdict={verdict} source="browser" ports={ports} zoneOf={zoneOf} onMove={moveTo} />
        ) : (
          <p className="muted verdict-pending">{t('repatriation.completeToCheck')}</p>
        )}

        {can('repatriation.plan') ? (
          <div className="form-actions">
            <button
              type="submit"
              className="primary"
              disabled={form.formState.isSubmitting}
              data-testid="save-movement"
            >
              {form.formState.isSubmitting ? t('repatriation.saving') : t('repatriation.save')}
            </button>
            {form.failure && !serverRefusal ? (
              <p role="alert" className="error">
                {describeError(form.failure)}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="muted">{t('repatriation.planRoles')}</p>
        )}
        {saved && (
          <p className="saved" role="status" data-testid="saved-movement">
            {saved.exercise && <ExerciseBadge />}{' '}
            {t('repatriation.saved', {
              when: formatWhen(Date.parse(saved.at), zoneOf(saved.portId), language, clock()),
            })}
          </p>
        )}
      </form>
    </section>
  );
}
