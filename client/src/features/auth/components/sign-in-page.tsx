import { useState, type FormEvent } from 'react';
import { loginBody } from '@shared/auth.js';
import { useI18n } from '../../../app/i18n.js';
import { LanguageSwitch } from '../../../app/language-switch.js';
import { useSession } from '../../../app/session.js';
import { Field } from '../../../components/field.js';
import { validate, type FieldMessages } from '../../../lib/form-validation.js';

export function SignInPage() {
  const { t, pick, describeError } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(loginBody, { username, password });
    setErrors(checked.errors ?? {});
    setFailure(null);
    if (!checked.data) return;
    setSending(true);
    try {
      await signIn(checked.data);
    } catch (error) {
      setFailure(error);
      setSending(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={submit} noValidate className="sign-in-card" data-testid="sign-in-form">
        <LanguageSwitch />
        <h1>{t('app.title')}</h1>
        <h2>{t('auth.signInTitle')}</h2>
        <Field label={t('auth.username')} error={errors.username && pick(errors.username)}>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </Field>
        <Field label={t('auth.password')} error={errors.password && pick(errors.password)}>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        {failure ? <p role="alert" className="error" data-testid="sign-in-error">{describeError(failure)}</p> : null}
        <button type="submit" className="primary" disabled={sending}>{sending ? t('auth.signingIn') : t('auth.signIn')}</button>
      </form>
    </main>
  );
}
