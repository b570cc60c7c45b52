import { NavLink, Outlet, useMatches } from 'react-router';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { LiveIndicator } from '@client/components/live-indicator.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSession, useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { navigation, widgets } from './features.js';
import type { RouteHandle } from './router.js';

/** The signed-in frame: navigation and tools from the features' manifests, the page, the floating widgets. */
export function Shell() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const { signOut } = useSession();
  const permission = useMatches()
    .map((match) => (match.handle as RouteHandle | undefined)?.permission)
    .find(Boolean);
  const signedInAs = t('auth.signedInAs', {
    name: user.displayName,
    role: t(`role.${user.role}`),
    country: t(`government.${user.country}`),
  });
  const mine = widgets.filter((widget) => !widget.permission || can(widget.permission));
  const entries = navigation.filter((entry) => !entry.permission || can(entry.permission));
  const comingSoon = entries.filter((entry) => !entry.path);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.main')} className="nav">
          {entries.map(
            (entry) =>
              entry.path && (
                <NavLink key={entry.label} to={entry.path}>
                  {t(entry.label)}
                </NavLink>
              ),
          )}
          {comingSoon.length > 0 && (
            // Features still to come: named, and explained on tap or keyboard, not on hover only.
            <details className="coming-soon topbar-menu">
              <summary>{t('nav.comingSoon')}</summary>
              <div className="topbar-panel">
                <ul>
                  {comingSoon.map((entry) => (
                    <li key={entry.label} className="nav-disabled" aria-disabled="true" data-testid="nav-coming-soon">
                      {t(entry.label)}
                    </li>
                  ))}
                </ul>
                <p>{t('nav.comingSoonExplain')}</p>
              </div>
            </details>
          )}
        </nav>
        <div className="topbar-tools">
          <LiveIndicator />
          {mine
            .filter((widget) => widget.slot === 'topbar')
            .map(({ id, Component }) => (
              <Component key={id} />
            ))}
          <LanguageSwitch />
          <span className="user" title={signedInAs}>
            {user.displayName}
          </span>
          <button type="button" onClick={signOut} title={signedInAs} data-testid="sign-out">
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="content">
        {!permission || can(permission) ? (
          <Outlet />
        ) : (
          <p role="alert" className="error page-message">
            {t('error.forbidden')}
          </p>
        )}
      </main>
      {mine
        .filter((widget) => widget.slot === 'overlay')
        .map(({ id, Component }) => (
          <Component key={id} />
        ))}
    </div>
  );
}
