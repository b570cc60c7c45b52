import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import type { Port } from '@shared/reference/contract.js';
import {
  arrangementBody,
  type Arrangement,
  type ArrangementBody,
  type RepatriationWindow,
} from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { formatClockRange, weekdayLabels } from '@shared/repatriation/messages.js';
import { weekAt } from '@shared/repatriation/wall-clock.js';
import { expandWindows, windowZone } from '@shared/repatriation/windows.js';
import { Field } from '@client/components/field.js';
import { refusalOf } from '@client/lib/api-client.js';
import { useClock } from '@client/lib/clock.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSaveArrangement, type EditedArrangement } from '../api/save-arrangement.js';
import { shortPortName } from '../port-clock.js';

interface Props {
  /** null: a new arrangement. */
  arrangement: Arrangement | null;
  arrangements: readonly Arrangement[];
  ports: readonly Port[];
  onClose: () => void;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];

const blank: ArrangementBody = {
  name: '',
  portIds: [],
  windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: [] },
  capacityPerWindow: 100,
  illustrative: false,
  basis: null,
};

function bodyOf(a: Arrangement): ArrangementBody {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...body } = a;
  return body;
}

/** The arrangement currently on the server, from a 409 version conflict (a port taken elsewhere carries none). */
const conflictOf = (error: unknown) => refusalOf(repatriationEndpoints.updateArrangement, 409, error)?.current ?? null;

/**
 * Create or edit an arrangement with the API's own schema (day 8, "25:00", overlapping windows
 * are refused beside the field, in both languages) and a preview of the resulting week at its
 * first port, expanded by the shared code the server uses.
 */
export function ArrangementEditor({ arrangement, arrangements, ports, onClose }: Props) {
  const { t, language, describeError } = useI18n();
  const clock = useClock();
  const save = useSaveArrangement();
  const [edited, setEdited] = useState<EditedArrangement | null>(
    arrangement ? { id: arrangement.id, version: arrangement.version } : null,
  );
  const form = useSchemaForm(arrangementBody, { defaultValues: arrangement ? bodyOf(arrangement) : blank });
  const windows = useFieldArray({ control: form.control, name: 'windows' });
  const values = useWatch({ control: form.control });
  const conflict = conflictOf(save.error);
  // Overlaps are a property of the whole list: check it again whenever any window changes.
  const windowsKey = JSON.stringify(values.windows);
  const { trigger } = form;
  useEffect(() => {
    if (form.formState.isDirty) void trigger('windows');
  }, [windowsKey, trigger, form.formState.isDirty]);
  const owner = (portId: string) => arrangements.find((a) => a.id !== arrangement?.id && a.portIds.includes(portId));
  const zones = [...new Set(ports.flatMap((p) => [p.mxTimeZone, p.usTimeZone]))].sort();

  const submit = form.submitWith(async (body) => {
    const saved = await save.mutateAsync({ edited, body });
    if (edited) setEdited({ id: saved.id, version: saved.version });
    else onClose();
  });

  /** "06:00–22:00 PDT (Vulnerable: 08:00–18:00 PDT)". */
  const occurrenceText = (w: RepatriationWindow, zone: string) => {
    const range = (start: string, end: string) => formatClockRange(Date.parse(start), Date.parse(end), zone, language);
    const daylight = w.vulnerableStart && w.vulnerableEnd ? range(w.vulnerableStart, w.vulnerableEnd) : '—';
    return `${range(w.start, w.end)} (${t('repatriation.daylight', { range: daylight })})`;
  };

  const preview = (() => {
    const parsed = arrangementBody.safeParse(values);
    if (!parsed.success) return null;
    const port = ports.find((p) => p.id === parsed.data.portIds[0]);
    if (!port) return null;
    const zone = windowZone(parsed.data, port);
    const week = weekAt(clock(), zone);
    const occurrences = expandWindows(
      { id: arrangement?.id ?? 'new', ...parsed.data },
      port,
      new Date(week[0]!.start).toISOString(),
      new Date(week[6]!.end).toISOString(),
    );
    return { port, zone, week, occurrences };
  })();

  return (
    <form className="arrangement-editor" onSubmit={submit} noValidate data-testid="arrangement-editor">
      <h2>
        {arrangement ? t('repatriation.editArrangement', { name: arrangement.name }) : t('repatriation.newArrangement')}
      </h2>
      <Field label={t('repatriation.name')} error={form.errorFor('name')}>
        <input type="text" {...form.register('name')} />
      </Field>
      <fieldset>
        <legend>{t('repatriation.ports')}</legend>
        <Controller
          control={form.control}
          name="portIds"
          render={({ field }) => (
            <div className="checkbox-grid">
              {ports.map((p) => {
                const other = owner(p.id);
                return (
                  <label key={p.id} className={other ? 'muted' : ''}>
                    <input
                      type="checkbox"
                      disabled={Boolean(other)}
                      checked={field.value.includes(p.id)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked ? [...field.value, p.id] : field.value.filter((id) => id !== p.id),
                        )
                      }
                    />{' '}
                    {shortPortName(p)}
                    {other && <span className="muted"> ({t('repatriation.inArrangement', { name: other.name })})</span>}
                  </label>
                );
              })}
            </div>
          )}
        />
        {form.errorFor('portIds') && <p className="field-error">{form.errorFor('portIds')}</p>}
      </fieldset>
      <Field label={t('repatriation.timeZone')} error={form.errorFor('timeZone')}>
        <select {...form.register('timeZone', { setValueAs: (v: string) => v || undefined })}>
          <option value="">{t('repatriation.timeZoneDefault')}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>{t('repatriation.windows')}</legend>
        {form.errorFor('windows') && <p className="field-error">{form.errorFor('windows')}</p>}
        {windows.fields.map((row, index) => (
          <div key={row.id} className="window-row" data-testid="window-row">
            <Controller
              control={form.control}
              name={`windows.${index}.days`}
              render={({ field }) => (
                <div className="weekday-picker" role="group" aria-label={t('repatriation.days')}>
                  {weekdays.map((day) => (
                    <label key={day}>
                      <input
                        type="checkbox"
                        checked={field.value.includes(day)}
                        onChange={(e) =>
                          field.onChange(
                            e.target.checked
                              ? [...field.value, day].sort((a, b) => a - b)
                              : field.value.filter((d) => d !== day),
                          )
                        }
                      />
                      {weekdayLabels[day]![language].slice(0, 3)}
                    </label>
                  ))}
                </div>
              )}
            />
            <Field label={t('repatriation.start')} error={form.errorFor(`windows.${index}.start`)}>
              <input type="text" inputMode="numeric" placeholder="HH:MM" {...form.register(`windows.${index}.start`)} />
            </Field>
            <Field label={t('repatriation.end')} error={form.errorFor(`windows.${index}.end`)}>
              <input type="text" inputMode="numeric" placeholder="HH:MM" {...form.register(`windows.${index}.end`)} />
            </Field>
            <button type="button" onClick={() => windows.remove(index)} disabled={windows.fields.length === 1}>
              {t('repatriation.removeWindow')}
            </button>
            {form.errorFor(`windows.${index}.days`) && (
              <p className="field-error">{form.errorFor(`windows.${index}.days`)}</p>
            )}
          </div>
        ))}
        <button type="button" onClick={() => windows.append({ days: [6, 7], start: '08:00', end: '18:00' })}>
          {t('repatriation.addWindow')}
        </button>
        <p className="muted">{t('repatriation.windowsHint')}</p>
      </fieldset>
      <div className="field-row">
        <Field label={t('repatriation.daylightStart')} error={form.errorFor('vulnerableWindow.start')}>
          <input type="text" inputMode="numeric" placeholder="HH:MM" {...form.register('vulnerableWindow.start')} />
        </Field>
        <Field label={t('repatriation.daylightEnd')} error={form.errorFor('vulnerableWindow.end')}>
          <input type="text" inputMode="numeric" placeholder="HH:MM" {...form.register('vulnerableWindow.end')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('repatriation.noticeHours')} error={form.errorFor('noticeHours')}>
          <input type="number" min={0} step="any" {...form.register('noticeHours', numberInput)} />
        </Field>
        <Field label={t('repatriation.exConvictNoticeHours')} error={form.errorFor('exConvict.noticeHours')}>
          <input type="number" min={0} step="any" {...form.register('exConvict.noticeHours', numberInput)} />
        </Field>
        <Field label={t('repatriation.capacity')} error={form.errorFor('capacityPerWindow')}>
          <input type="number" min={1} step={1} {...form.register('capacityPerWindow', numberInput)} />
        </Field>
      </div>
      <fieldset>
        <legend>{t('repatriation.exConvictPorts')}</legend>
        <Controller
          control={form.control}
          name="exConvict.portIds"
          render={({ field }) => (
            <div className="checkbox-grid">
              {(values.portIds ?? []).map((id) => {
                const port = ports.find((p) => p.id === id);
                return (
                  <label key={id}>
                    <input
                      type="checkbox"
                      checked={field.value.includes(id)}
                      onChange={(e) =>
                        field.onChange(e.target.checked ? [...field.value, id] : field.value.filter((p) => p !== id))
                      }
                    />{' '}
                    {port ? shortPortName(port) : id}
                  </label>
                );
              })}
            </div>
          )}
        />
        {form.errorFor('exConvict.portIds') && <p className="field-error">{form.errorFor('exConvict.portIds')}</p>}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" {...form.register('illustrative')} /> {t('repatriation.illustrativeCheckbox')}
      </label>
      <Field label={t('repatriation.basis')} error={form.errorFor('basis')}>
        <textarea rows={3} {...form.register('basis', { setValueAs: (v: string | null) => (v ? v : null) })} />
      </Field>

      <section className="week-preview" aria-label={t('repatriation.preview')} data-testid="week-preview">
        <h3>{t('repatriation.preview')}</h3>
        {preview ? (
          <>
            <p className="muted">
              {t('repatriation.previewAt', { port: shortPortName(preview.port), zone: preview.zone })}
            </p>
            <ol className="preview-days">
              {preview.week.map((day) => {
                const occurrences = preview.occurrences.filter(
                  (w) => Date.parse(w.start) >= day.start && Date.parse(w.start) < day.end,
                );
                return (
                  <li key={day.date}>
                    <strong>{weekdayLabels[day.weekday]![language]}</strong>{' '}
                    {occurrences.length === 0
                      ? t('repatriation.noWindow')
                      : occurrences.map((w) => occurrenceText(w, preview.zone)).join(', ')}
                  </li>
                );
              })}
            </ol>
          </>
        ) : (
          <p className="muted">{t('repatriation.previewPending')}</p>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting} data-testid="save-arrangement">
          {t('repatriation.saveArrangement')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {conflict ? (
        <div className="conflict" role="alert">
          <p>{describeError(save.error)}</p>
          <button
            type="button"
            onClick={() => {
              form.reset(bodyOf(conflict));
              setEdited({ id: conflict.id, version: conflict.version });
              save.reset();
            }}
          >
            {t('repatriation.loadCurrent')}
          </button>
        </div>
      ) : form.failure ? (
        <p role="alert" className="error">
          {describeError(form.failure)}
        </p>
      ) : save.isSuccess ? (
        <p role="status" className="saved">
          {t('repatriation.arrangementSaved')}
        </p>
      ) : null}
    </form>
  );
}
