import { Controller, useFieldArray } from 'react-hook-form';
import { FormFooter } from './form-footer.js';
import { countries } from '@shared/auth.js';
import { maxEscalation, rotationBody, type MechanismDetail } from '@shared/liaison/contract.js';
import { localeOf } from '@shared/i18n/index.js';
import { Field } from '@client/components/field.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useDutyChanges } from '../api/rotation.js';

const weekdays = [1, 2, 3, 4, 5, 6, 7];
/** 1 January 2024 was a Monday: ISO weekday n is that date plus n − 1 days. */
const weekdayDate = (n: number) => new Date(Date.UTC(2024, 0, n));

/**
 * The whole weekly rotation at once (PUT /api/mechanisms/:id/rotations): one row per
 * shift, in the mechanism's wall-clock time. The shared schema flags overlapping shifts
 * and bad times as they are typed; the server adds members on the wrong side.
 */
export function RotationEditor({ mechanism, onDone }: { mechanism: MechanismDetail; onDone: () => void }) {
  const { t, language } = useI18n();
  const duty = useDutyChanges(mechanism.id);
  const form = useSchemaForm(rotationBody, {
    defaultValues: { shifts: mechanism.shifts.map(({ id: _id, ...shift }) => shift) },
  });
  const shifts = useFieldArray({ control: form.control, name: 'shifts' });
  const dayName = new Intl.DateTimeFormat(localeOf[language], { weekday: 'short', timeZone: 'UTC' });
  const submit = form.submitWith(async (body) => {
    await duty.putRotation.mutateAsync(body);
    onDone();
  });

  return (
    <form className="rotation-editor" onSubmit={submit} data-testid="rotation-editor" noValidate>
      {shifts.fields.map((field, index) => (
        <fieldset key={field.id} className="shift-row" data-testid="shift-row">
          <legend className="muted">#{index + 1}</legend>
          <Field label={t('liaison.field.side')}>
            <select {...form.register(`shifts.${index}.side`)}>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {t(`liaison.side.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('liaison.field.escalation')} error={form.errorFor(`shifts.${index}.escalation`)}>
            <input
              type="number"
              min={1}
              max={maxEscalation}
              {...form.register(`shifts.${index}.escalation`, numberInput)}
            />
          </Field>
          <Controller
            control={form.control}
            name={`shifts.${index}.days`}
            render={({ field: days }) => (
              <Field label={t('liaison.field.days')} error={form.errorFor(`shifts.${index}.days`)}>
                <span className="day-checks">
                  {weekdays.map((day) => (
                    <label key={day} className="check">
                      <input
                        type="checkbox"
                        checked={days.value?.includes(day) ?? false}
                        onChange={(e) =>
                          days.onChange(
                            e.target.checked
                              ? [...(days.value ?? []), day].sort((a, b) => a - b)
                              : (days.value ?? []).filter((d: number) => d !== day),
                          )
                        }
                      />
                      {dayName.format(weekdayDate(day))}
                    </label>
                  ))}
                </span>
              </Field>
            )}
          />
          <Field label={t('liaison.field.start')} error={form.errorFor(`shifts.${index}.start`)}>
            <input type="time" {...form.register(`shifts.${index}.start`)} />
          </Field>
          <Field label={t('liaison.field.end')} error={form.errorFor(`shifts.${index}.end`)}>
            <input type="time" {...form.register(`shifts.${index}.end`)} />
          </Field>
          <Controller
            control={form.control}
            name={`shifts.${index}.memberId`}
            render={({ field: member }) => (
              <Field label={t('liaison.field.member')} error={form.errorFor(`shifts.${index}.memberId`)}>
                <select value={member.value ?? ''} onChange={(e) => member.onChange(e.target.value || null)}>
                  <option value="">{t('liaison.rotation.empty')}</option>
                  {mechanism.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} ({t(`liaison.sideShort.${m.country}`)})
                    </option>
                  ))}
                </select>
              </Field>
            )}
          />
          <button type="button" onClick={() => shifts.remove(index)}>
            {t('liaison.rotation.removeShift')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          shifts.append({
            side: 'US',
            escalation: 1,
            days: [1, 2, 3, 4, 5],
            start: '08:00',
            end: '16:00',
            memberId: null,
          })
        }
      >
        {t('liaison.rotation.addShift')}
      </button>
      <FormFooter failure={form.failure} submitting={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
