import { useMemo, useState } from 'react';
import { FormFooter } from './form-footer.js';
import { Controller, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { countries, country } from '@shared/auth.js';
import { localDateTime, maxEscalation, type MechanismDetail } from '@shared/liaison/contract.js';
import { wallClockInstant } from '@shared/liaison/rotation.js';
import { Field } from '@client/components/field.js';
import { numberInput, useSchemaForm } from '@client/lib/forms.js';
import { useNow } from '@client/lib/clock.js';
import { useI18n } from '@client/lib/i18n.js';
import { useDutyChanges } from '../api/rotation.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';

/**
 * One-off cover that wins over the rotation ("Tuesday night covered by …"), and the gaps
 * marked as intended, both from now on; coordinators add and remove them.
 */
export function OverridesSection({ mechanism, editable }: { mechanism: MechanismDetail; editable: boolean }) {
  const { t, describeError } = useI18n();
  const zoned = useZonedTime();
  const now = useNow(60_000);
  const duty = useDutyChanges(mechanism.id);
  const [adding, setAdding] = useState(false);
  const tz = mechanism.timeZone;
  const name = (id: string | null) => mechanism.members.find((m) => m.id === id)?.name;
  const upcoming = mechanism.overrides.filter((o) => Date.parse(o.end) > now);
  const intended = mechanism.intendedGaps.filter((g) => Date.parse(g.end) > now);
  const failure = duty.removeOverride.error ?? duty.unmarkIntended.error;
  const span = (start: string, end: string) => `${zoned.dateTime(start, tz)} – ${zoned.dateTime(end, tz)}`;

  return (
    <section className="overrides" data-testid="overrides">
      <h2>{t('liaison.overrides.title')}</h2>
      {upcoming.length === 0 ? (
        <p className="muted">{t('liaison.overrides.none')}</p>
      ) : (
        <ul className="plain-list">
          {upcoming.map((o) => {
            const who = name(o.memberId);
            const params = { side: t(`liaison.side.${o.side}`), position: o.escalation };
            return (
              <li key={o.id}>
                <strong>{span(o.start, o.end)}</strong>:{' '}
                {who ? t('liaison.override.covers', { ...params, name: who }) : t('liaison.override.empty', params)}
                {o.reason && <span className="muted"> — {o.reason}</span>}
                {editable && (
                  <button type="button" className="link-button" onClick={() => duty.removeOverride.mutate(o.id)}>
                    {t('liaison.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable &&
        (adding ? (
          <OverrideForm mechanism={mechanism} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('liaison.override.add')}
          </button>
        ))}
      {intended.length > 0 && (
        <>
          <h3>{t('liaison.intended.title')}</h3>
          <ul className="plain-list">
            {intended.map((g) => (
              <li key={g.id}>
                {t('liaison.gap.span', {
                  side: t(`liaison.side.${g.side}`),
                  from: zoned.dateTime(g.start, tz),
                  to: zoned.dateTime(g.end, tz),
                })}
                {g.reason && <span className="muted"> — {g.reason}</span>}
                {editable && (
                  <button type="button" className="link-button" onClick={() => duty.unmarkIntended.mutate(g.id)}>
                    {t('liaison.intended.unmark')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {failure ? (
        <p role="alert" className="error">
          {describeError(failure)}
        </p>
      ) : null}
    </section>
  );
}

/** Times typed on the mechanism's wall clock, turned into instants by the rotation's own rules. */
function OverrideForm({ mechanism, onDone }: { mechanism: MechanismDetail; onDone: () => void }) {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const duty = useDutyChanges(mechanism.id);
  const tz = mechanism.timeZone;
  const schema = useMemo(() => {
    const instant = (edge: 'start' | 'end') => (local: string) =>
      wallClockInstant(local.slice(0, 10), local.slice(11, 16), tz, edge);
    return z
      .object({
        side: country,
        escalation: z.number().int().min(1).max(maxEscalation),
        start: localDateTime,
        end: localDateTime,
        memberId: z.string().nullable(),
        reason: z.string().trim().max(500),
      })
      .transform((v) => ({ ...v, start: instant('start')(v.start), end: instant('end')(v.end) }));
  }, [tz]);
  const form = useSchemaForm(schema, { defaultValues: { side: 'US', escalation: 1, memberId: null, reason: '' } });
  const side = useWatch({ control: form.control, name: 'side' });
  const submit = form.submitWith(async (body) => {
    await duty.addOverride.mutateAsync(body);
    onDone();
  });
  return (
    <form className="override-form" onSubmit={submit} data-testid="override-form" noValidate>
      <div className="field-row">
        <Field label={t('liaison.field.side')}>
          <select {...form.register('side')}>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`liaison.side.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('liaison.field.escalation')} error={form.errorFor('escalation')}>
          <input type="number" min={1} max={maxEscalation} {...form.register('escalation', numberInput)} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={`${t('liaison.field.from')} (${zoned.zoneName(tz)})`} error={form.errorFor('start')}>
          <input type="datetime-local" {...form.register('start')} />
        </Field>
        <Field label={`${t('liaison.field.until')} (${zoned.zoneName(tz)})`} error={form.errorFor('end')}>
          <input type="datetime-local" {...form.register('end')} />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="memberId"
        render={({ field }) => (
          <Field label={t('liaison.field.member')} error={form.errorFor('memberId')}>
            <select value={field.value ?? ''} onChange={(e) => field.onChange(e.target.value || null)}>
              <option value="">{t('liaison.rotation.empty')}</option>
              {mechanism.members
                .filter((m) => m.country === side)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </Field>
        )}
      />
      <Field label={t('liaison.field.reason')} error={form.errorFor('reason')}>
        <input {...form.register('reason')} />
      </Field>
      <FormFooter failure={form.failure} submitting={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
