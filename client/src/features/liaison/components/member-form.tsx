import { useFieldArray, useWatch } from 'react-hook-form';
import { FormFooter } from './form-footer.js';
import { countries } from '@shared/auth.js';
import { contactKinds, memberBody, memberRoles, type Member } from '@shared/liaison/contract.js';
import { checkPhone, formatPhone } from '@shared/liaison/phone.js';
import { roleLabel } from '@shared/liaison/text.js';
import { Field } from '@client/components/field.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMemberChanges } from '../api/members.js';

const blankIsUndefined = { setValueAs: (v: unknown) => (v === '' ? undefined : v) } as const;

/**
 * Add a member, or edit one (`member`): details and every contact at once. Validated with
 * the API's own schema (phones read in the member's country, emails checked), so the
 * messages are the server's; a pre-2019 Mexican mobile number gets a "Use …" fix.
 */
export function MemberForm({
  mechanismId,
  member,
  onDone,
}: {
  mechanismId: string;
  member?: Member;
  onDone: () => void;
}) {
  const { t, language } = useI18n();
  const changes = useMemberChanges(mechanismId);
  const form = useSchemaForm(memberBody, {
    defaultValues: member
      ? {
          name: member.name,
          familyName: member.familyName ?? undefined,
          role: member.role,
          agency: member.agency,
          country: member.country,
          contacts: member.contacts.map(({ id: _id, ...c }) => c),
        }
      : { country: 'US', role: 'border_patrol', contacts: [{ kind: 'phone', label: '', value: '', working: true }] },
  });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const [country, values] = useWatch({ control: form.control, name: ['country', 'contacts'] });
  const roles: string[] =
    member && !memberRoles.includes(member.role as never) ? [...memberRoles, member.role] : [...memberRoles];
  const submit = form.submitWith(async ({ verifiedAt: _v, ...body }) => {
    if (member) await changes.update.mutateAsync({ memberId: member.id, body });
    else await changes.add.mutateAsync(body);
    onDone();
  });

  return (
    <form className="member-form" onSubmit={submit} data-testid="member-form" noValidate>
      <div className="field-row">
        <Field label={t('liaison.field.name')} error={form.errorFor('name')}>
          <input {...form.register('name')} />
        </Field>
        <Field label={t('liaison.field.familyName')} error={form.errorFor('familyName')}>
          <input {...form.register('familyName', blankIsUndefined)} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('liaison.field.role')} error={form.errorFor('role')}>
          <select {...form.register('role')}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)[language]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('liaison.field.side')} error={form.errorFor('country')}>
          <select {...form.register('country')}>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`liaison.side.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('liaison.field.agency')} error={form.errorFor('agency')}>
        <input {...form.register('agency')} />
      </Field>
      {contacts.fields.map((field, index) => {
        const value = values?.[index];
        const fix = value?.kind === 'phone' && value.value ? checkPhone(value.value, country ?? 'US') : null;
        return (
          <fieldset key={field.id} className="contact-row">
            <Field label={t('liaison.field.contactKind')}>
              <select {...form.register(`contacts.${index}.kind`)}>
                {contactKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`liaison.contactKind.${kind}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('liaison.field.value')} error={form.errorFor(`contacts.${index}.value`)}>
              <input {...form.register(`contacts.${index}.value`)} />
            </Field>
            <Field label={t('liaison.field.label')}>
              <input {...form.register(`contacts.${index}.label`)} />
            </Field>
            <label className="check">
              <input type="checkbox" {...form.register(`contacts.${index}.working`)} /> {t('liaison.field.working')}
            </label>
            {fix && !fix.ok && fix.reason === 'old_mexican_mobile' && (
              <button
                type="button"
                onClick={() => form.setValue(`contacts.${index}.value`, fix.suggestion, { shouldValidate: true })}
              >
                {t('liaison.useSuggestion', { suggestion: formatPhone(fix.suggestion) })}
              </button>
            )}
            <button type="button" onClick={() => contacts.remove(index)}>
              {t('liaison.contact.remove')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => contacts.append({ kind: 'phone', label: '', value: '', working: true })}>
        {t('liaison.contact.add')}
      </button>
      <FormFooter failure={form.failure} submitting={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}
