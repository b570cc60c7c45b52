import { Link } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useAwaitingAcknowledgement } from '../api/list-awaiting.js';
import '../incidents.css';

/**
 * Plan of Action V: how many alerts wait for the user's government, a link to the feed
 * filtered to them. Its name is always the whole phrase; where the header is narrow it
 * reads "3 awaiting", never a bare number.
 */
export function AwaitingCounter() {
  const { t } = useI18n();
  const user = useUser();
  const { data } = useAwaitingAcknowledgement();
  const count = data?.items.length ?? 0;
  const words = t('incidents.awaitingCount', { count, government: t(`government.${user.country}`) });
  const label = `${count} ${words}`;
  return (
    <Link
      to="/incidents?awaiting=mine"
      className={`awaiting-counter ${count > 0 ? 'has-awaiting' : ''}`}
      data-testid="awaiting-counter"
      data-count={count}
      aria-label={label}
      title={label}
    >
      <span className="counter-number">{count}</span> <span className="counter-words">{words}</span>
      <span className="counter-short">{t('incidents.awaitingShort', { count })}</span>
    </Link>
  );
}
