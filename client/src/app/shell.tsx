import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../components/error-boundary.js';
import { AlertSoundToggle } from '../features/incidents/components/alert-sound-toggle.js';
import { IncidentToasts } from '../features/incidents/components/incident-toasts.js';
import { useI18n } from './i18n.js';
import { LanguageSwitch } from './language-switch.js';
import { LiveIndicator } from './live-indicator.js';
import { Link, matchPath, navigate, usePath } from './routing.js';
import { DEFAULT_PATH, navigation, routes } from './routes.js';
import { useSession, useUser } from './session.js';

export function Shell() {
  const { t } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const path = usePath();
  const found = routes.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((m) => m.params);

  useEffect(() => {
    if (!found) navigate(DEFAULT_PATH);
  }, [found]);

  const allowed = found && (!found.route.roles || found.route.roles.includes(user.role));
  const signedInAs = t('auth.signedInAs', { name: user.displayName, role: t(`role.${user.role}`), country: t(`government.${user.country}`) });
  const visibleNav = navigation.filter((item) => !item.roles || item.roles.includes(user.role));

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.main')} className="nav">
          {visibleNav.map((item) =>
            item.path ? (
              <Link key={item.label} to={item.path} aria-current={path.startsWith(item.path) ? 'page' : undefined}>{t(item.label)}</Link>
            ) : (
              <span key={item.label} className="nav-disabled" aria-disabled="true" title={t('nav.comingSoon')} data-testid="nav-coming-soon">{t(item.label)}</span>
            ),
          )}
        </nav>
        <div className="topbar-tools">
          <LiveIndicator />
          <AlertSoundToggle />
          <LanguageSwitch />
          <span className="user" title={signedInAs}>{user.displayName}</span>
          <button type="button" onClick={signOut} title={signedInAs} data-testid="sign-out">{t('auth.signOut')}</button>
        </div>
      </header>
      <main className="content">
        <ErrorBoundary
          key={path}
          fallback={(reset) => (
            <div role="alert" className="error page-message">
              <p>{t('error.unexpected')}</p>
              <button type="button" onClick={reset}>{t('common.retry')}</button>
            </div>
          )}
        >
          <Suspense fallback={<p className="page-message">{t('shell.loading')}</p>}>
            {found && (allowed ? found.route.render(found.params!) : <p role="alert" className="error page-message">{t('error.forbidden')}</p>)}
          </Suspense>
        </ErrorBoundary>
      </main>
      <IncidentToasts />
    </div>
  );
}
