import { useState } from 'react';
import { NavLink, Outlet, useLocation, useMatches } from 'react-router';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { LiveIndicator } from '@client/components/live-indicator.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSession, useUser } from '@client/lib/session.js';
import { useCan } from '@client/lib/use-can.js';
import { navigation, widgets } from './features.js';
import type { RouteHandle } from './router.js';

/**
 * The signed-in frame: navigation and tools from the features' manifests, the page, and the
 * floating widgets (toasts) in a region below the header, so they never cover its buttons.
 * On a phone the header is one row: the pages, the language and signing out fold into a menu.
 */
export function Shell() {
  const { t } = useI18n();
  const user = useUser();
  const can = useCan();
  const { signOut } = useSession();
  const location = useLocation();
  // Open on the page where it was opened: going to another page closes it. Keyed on the path,
  // not the history entry, so a page writing its view into the URL (the map) does not shut it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  // Closed for good once another page shows: coming back to this one (Back) does not reopen it over the page.
  if (menuOpenAt !== null && menuOpenAt !== location.pathname) setMenuOpenAt(null);
  const menuOpen = menuOpenAt === location.pathname;
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
        <button
          type="button"
          className="topbar-menu-button"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          data-testid="topbar-menu-button"
          onClick={() => setMenuOpenAt(menuOpen ? null : location.pathname)}
        >
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            {menuOpen ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M3 6h18M3 12h18M3 18h18" />}
          </svg>
          <span className="menu-words">{t('shell.menu')}</span>
        </button>
        <span className="brand">{t('app.title')}</span>
        <div id="topbar-menu" className={`topbar-drawer ${menuOpen ? 'open' : ''}`}>
          <nav aria-label={t('nav.main')} className="nav">
            {entries.map(
              (entry) =>
                entry.path && (
                  <NavLink key={entry.label} to={entry.path} onClick={() => setMenuOpenAt(null)}>
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
          <div className="topbar-account">
            <LanguageSwitch />
            <span className="user" title={signedInAs}>
              {user.displayName}
            </span>
            <button type="button" onClick={signOut} title={signedInAs} data-testid="sign-out">
              {t('auth.signOut')}
            </button>
          </div>
        </div>
        <div className="topbar-tools">
          <LiveIndicator />
          {mine
            .filter((widget) => widget.slot === 'topbar')
            .map(({ id, Component }) => (
              <Component key={id} />
            ))}
        </div>
      </header>
      <div className="shell-body">
        <main className="content">
          {!permission || can(permission) ? (
            <Outlet />
          ) : (
            <p role="alert" className="error page-message">
              {t('error.forbidden')}
            </p>
          )}
        </main>
        <div className="toast-region">
          {mine
            .filter((widget) => widget.slot === 'overlay')
            .map(({ id, Component }) => (
              <Component key={id} />
            ))}
        </div>
      </div>
    </div>
  );
}
