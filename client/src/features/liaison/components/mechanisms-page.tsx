import { Link } from 'react-router';
import { mechanismName } from '@shared/reference/place.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { MechanismFlagBadges } from './mechanism-flags.js';
import { WhoToCallSearch } from './who-to-call-search.js';

/** `#/mechanisms`: every mechanism with its flags, and "who do I call" for any place (by name or coordinates). */
export function MechanismsPage() {
  const { t, pick, describeError } = useI18n();
  const zoned = useZonedTime();
  const { data: mechanisms, error, refetch } = useMechanisms();
  return (
    <article className="page mechanisms-page" data-testid="mechanisms-page">
      <header className="page-header">
        <h1>{t('liaison.list.title')}</h1>
      </header>
      {error && !mechanisms ? (
        <p role="alert" className="error">
          {describeError(error)}{' '}
          <button type="button" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : !mechanisms ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <ul className="feed mechanism-list">
          {mechanisms.map((m) => (
            <li key={m.id} className="feed-row" data-testid="mechanism-row" data-mechanism-id={m.id}>
              <Link to={`/mechanisms/${encodeURIComponent(m.id)}`} className="feed-link">
                <span className="feed-title">{pick(mechanismName(m))}</span>
                <span className="muted">
                  {t(`liaison.kind.${m.kind}`)}
                  {m.illustrative && ` · ${t('liaison.illustrative')}`} ·{' '}
                  {t('liaison.timeZone', { zone: zoned.zoneName(m.timeZone) })}
                </span>
              </Link>
              <MechanismFlagBadges flags={m.flags} />
            </li>
          ))}
        </ul>
      )}
      <WhoToCallSearch />
    </article>
  );
}
