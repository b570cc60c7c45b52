import { mechanismName } from '@shared/reference/place.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Feed, FeedItem } from '@client/components/feed.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { MechanismFlagBadges } from './mechanism-flags.js';
import { WhoToCallSearch } from './who-to-call-search.js';
import '../liaison.css';

/** `#/mechanisms`: every mechanism with its flags, and "who do I call" for any place (by name or coordinates). */
export function MechanismsPage() {
  const { t, pick } = useI18n();
  const zoned = useZonedTime();
  const { data: mechanisms, error, refetch } = useMechanisms();
  return (
    <article className="page mechanisms-page" data-testid="mechanisms-page">
      <header className="page-header">
        <h1>{t('liaison.list.title')}</h1>
      </header>
      {error && !mechanisms ? (
        <ErrorWithRetry error={error} onRetry={() => void refetch()} />
      ) : !mechanisms ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <Feed className="mechanism-list">
          {mechanisms.map((m) => (
            <FeedItem
              key={m.id}
              to={`/mechanisms/${encodeURIComponent(m.id)}`}
              title={pick(mechanismName(m))}
              aside={<MechanismFlagBadges flags={m.flags} />}
              data-testid="mechanism-row"
              data-mechanism-id={m.id}
            >
              <span className="muted">
                {t(`liaison.kind.${m.kind}`)}
                {m.illustrative && ` · ${t('liaison.illustrative')}`} ·{' '}
                {t('liaison.timeZone', { zone: zoned.zoneName(m.timeZone) })}
              </span>
            </FeedItem>
          ))}
        </Feed>
      )}
      <WhoToCallSearch />
    </article>
  );
}
