import { SignInPage } from '../features/auth/components/sign-in-page.js';
import { ConfigProvider } from './config.js';
import { I18nProvider, useI18n } from './i18n.js';
import { LiveProvider } from './live.js';
import { SessionProvider, useSession } from './session.js';
import { Shell } from './shell.js';

function SignedInOrOut() {
  const { user } = useSession();
  const { t } = useI18n();
  if (user === undefined) return <p className="page-message">{t('shell.loading')}</p>;
  if (user === null) return <SignInPage />;
  // Keyed by user: signing in as someone else starts a fresh websocket and fresh state.
  return (
    <ConfigProvider key={user.id}>
      <LiveProvider>
        <Shell />
      </LiveProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <SignedInOrOut />
      </SessionProvider>
    </I18nProvider>
  );
}
