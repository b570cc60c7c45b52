import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { Polygon } from 'geojson';
import { countries } from '@shared/auth.js';
import {
  assetBody,
  assetKinds,
  closeSarBody,
  NOTE_MAX,
  openSarFields,
  progressBody,
  sarOutcomes,
  sectorBody,
  teamBody,
  teamKinds,
  type SarTeam,
} from '@shared/sar/contract.js';
import { Field } from '@client/components/field.js';
import { PolygonDrawMap } from '@client/components/polygon-draw-map.js';
import { ApiError } from '@client/lib/api-client.js';
import { useSchemaForm, type SchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useOperationChange } from '../api/change-operation.js';
import { useOpenOperation } from '../api/open-operation.js';

/** An optional text input left blank is "not given", not an empty string (which the schema refuses). */
const optionalText = {
  setValueAs: (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined),
};

/** A refusal that isn't about one field (a closed operation, no rights): below the form. */
function FormFailure({ form }: { form: Pick<SchemaForm<never>, 'failure'> }) {
  const { describeError } = useI18n();
  const failure = form.failure;
  if (!failure || (failure instanceof ApiError && failure.body?.fields?.length)) return null;
  return (
    <p role="alert" className="error">
      {describeError(failure)}
    </p>
  );
}

function TeamOptions({ teams }: { teams: readonly SarTeam[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t('sar.noTeam')}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name} ({t(`government.${team.side}`)})
        </option>
      ))}
    </>
  );
}

export function OpenOperationForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const open = useOpenOperation(incidentId);
  const form = useSchemaForm(openSarFields, { defaultValues: { note: undefined } });
  const submit = form.submitWith(async (body) => open.mutateAsync(body));
  return (
    <form className="sar-form" onSubmit={submit} noValidate data-testid="sar-open-form">
      <Field label={t('sar.objective')} error={form.errorFor('note')}>
        <textarea rows={2} maxLength={NOTE_MAX} {...form.register('note', optionalText)} />
      </Field>
      <button type="submit" className="primary" disabled={form.formState.isSubmitting} data-testid="sar-open">
        {form.formState.isSubmitting ? t('sar.opening') : t('sar.open')}
      </button>
      <FormFailure form={form} />
    </form>
  );
}

export function TeamForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const change = useOperationChange(incidentId);
  const form = useSchemaForm(teamBody, {
    defaultValues: { kind: user.country === 'MX' ? 'grupo_beta' : 'borstar', side: user.country, name: '' },
  });
  const submit = form.submitWith(async (body) => {
    await change.mutateAsync({ kind: 'team', body });
    form.reset({ ...form.getValues(), name: '', contact: undefined });
  });
  return (
    <form className="sar-form" onSubmit={submit} noValidate data-testid="sar-team-form">
      <div className="field-row">
        <Field label={t('sarField.kind')} error={form.errorFor('kind')}>
          <select {...form.register('kind')}>
            {teamKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`teamKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sarField.side')} error={form.errorFor('side')}>
          <select {...form.register('side')}>
            {countries.map((side) => (
              <option key={side} value={side}>
                {t(`government.${side}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('sarField.name')} error={form.errorFor('name')}>
          <input {...form.register('name')} data-testid="sar-team-name" />
        </Field>
        <Field label={t('sarField.contact')} error={form.errorFor('contact')}>
          <input {...form.register('contact', optionalText)} />
        </Field>
      </div>
      <button type="submit" disabled={form.formState.isSubmitting} data-testid="sar-add-team">
        {t('sar.addTeam')}
      </button>
      <FormFailure form={form} />
    </form>
  );
}

export function AssetForm({ incidentId, teams }: { incidentId: string; teams: readonly SarTeam[] }) {
  const { t } = useI18n();
  const change = useOperationChange(incidentId);
  const form = useSchemaForm(assetBody, { defaultValues: { kind: 'vehicle', description: '' } });
  const submit = form.submitWith(async (body) => {
    await change.mutateAsync({ kind: 'asset', body });
    form.reset({ ...form.getValues(), description: '' });
  });
  return (
    <form className="sar-form" onSubmit={submit} noValidate data-testid="sar-asset-form">
      <div className="field-row">
        <Field label={t('sarField.kind')} error={form.errorFor('kind')}>
          <select {...form.register('kind')}>
            {assetKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`assetKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('sarField.team')} error={form.errorFor('teamId')}>
          <select {...form.register('teamId', optionalText)}>
            <TeamOptions teams={teams} />
          </select>
        </Field>
      </div>
      <Field label={t('sarField.description')} error={form.errorFor('description')}>
        <input {...form.register('description')} />
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('sar.addAsset')}
      </button>
      <FormFailure form={form} />
    </form>
  );
}

/** A sector: its name, its team, and its outline drawn on the map (or pasted as GeoJSON). */
export function SectorForm({
  incidentId,
  teams,
  onDone,
}: {
  incidentId: string;
  teams: readonly SarTeam[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const change = useOperationChange(incidentId);
  const form = useSchemaForm(sectorBody, { defaultValues: { name: '' } });
  const polygon = useWatch({ control: form.control, name: 'polygon' }) as Polygon | undefined;
  const submit = form.submitWith(async (body) => {
    await change.mutateAsync({ kind: 'sector', body });
    onDone();
  });
  // The outline's reason may sit on the polygon, its ring, or one position (shared/polygon.ts).
  const polygonError =
    form.errorFor('polygon') ??
    form.errorFor('polygon.coordinates') ??
    form.errorFor('polygon.coordinates.0' as 'polygon.coordinates');
  return (
    <form className="sar-form sar-sector-form" onSubmit={submit} noValidate data-testid="sar-sector-form">
      <div className="field-row">
        <Field label={t('sarField.sectorName')} error={form.errorFor('name')}>
          <input {...form.register('name')} data-testid="sar-sector-name" />
        </Field>
        <Field label={t('sarField.team')} error={form.errorFor('teamId')}>
          <select {...form.register('teamId', optionalText)} data-testid="sar-sector-team">
            <TeamOptions teams={teams} />
          </select>
        </Field>
      </div>
      <PolygonDrawMap
        value={polygon ?? null}
        onChange={(value) =>
          form.setValue('polygon', (value ?? undefined) as never, { shouldValidate: form.formState.isSubmitted })
        }
        label={t('sarField.sectorName')}
        error={polygonError}
        testId="sar-sector-draw"
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting} data-testid="sar-save-sector">
          {form.formState.isSubmitting ? t('sar.saving') : t('sar.addSector')}
        </button>
        <button type="button" onClick={onDone}>
          {t('sar.cancel')}
        </button>
      </div>
      <FormFailure form={form} />
    </form>
  );
}

export function ProgressForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const change = useOperationChange(incidentId);
  const form = useSchemaForm(progressBody, { defaultValues: { note: '' } });
  const submit = form.submitWith(async (body) => {
    await change.mutateAsync({ kind: 'progress', body });
    form.reset({ note: '' });
  });
  return (
    <form className="sar-form" onSubmit={submit} noValidate data-testid="sar-progress-form">
      <Field label={t('sarField.progress')} error={form.errorFor('note')}>
        <textarea rows={2} maxLength={NOTE_MAX} {...form.register('note')} data-testid="sar-progress-note" />
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('sar.addProgress')}
      </button>
      <FormFailure form={form} />
    </form>
  );
}

export function CloseForm({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const change = useOperationChange(incidentId);
  const form = useSchemaForm(closeSarBody, { defaultValues: { outcome: 'found_alive' } });
  const submit = form.submitWith(async (body) => change.mutateAsync({ kind: 'close', body }));
  if (!shown)
    return (
      <button type="button" onClick={() => setShown(true)} data-testid="sar-close-open">
        {t('sar.close')}
      </button>
    );
  return (
    <form className="sar-form sar-close-form" onSubmit={submit} noValidate data-testid="sar-close-form">
      <h3>{t('sar.close')}</h3>
      <Field label={t('sarField.outcome')} error={form.errorFor('outcome')}>
        <select {...form.register('outcome')} data-testid="sar-outcome">
          {sarOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`sarOutcome.${outcome}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('sarField.note')} error={form.errorFor('note')}>
        <textarea rows={2} maxLength={NOTE_MAX} {...form.register('note', optionalText)} data-testid="sar-close-note" />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting} data-testid="sar-close">
          {t('sar.close')}
        </button>
        <button type="button" onClick={() => setShown(false)}>
          {t('sar.cancel')}
        </button>
      </div>
      <FormFailure form={form} />
    </form>
  );
}
