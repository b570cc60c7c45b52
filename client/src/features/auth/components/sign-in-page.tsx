import { loginBody } from '@shared/auth.js';
import { Field } from '@client/components/field.js';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSession } from '@client/lib/session.js';
import '../sign-in.css';

export function SignInPage() {
  const { t, describeError } = useI18n();
  const { signIn } = useSession();
  const form = useSchemaForm(loginBody, { defaultValues: { username: '', password: '' } });
  const { isSubmitting } = form.formState;

  return (
    <main className="sign-in">
      <form onSubmit={form.submitWith(signIn)} noValidate className="sign-in-card" data-testid="sign-in-form">
        <LanguageSwitch />
        <h1>{t('app.title')}</h1>
        <h2>{t('auth.signInTitle')}</h2>
        <Field label={t('auth.username')} error={form.errorFor('username')}>
          <input {...form.register('username')} autoComplete="username" autoFocus />
        </Field>
        <Field label={t('auth.password')} error={form.errorFor('password')}>
          <input {...form.register('password')} type="password" autoComplete="current-password" />
        </Field>
        {form.failure ? (
          <p role="alert" className="error" data-testid="sign-in-error">
            {describeError(form.failure)}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </main>
  );
}
