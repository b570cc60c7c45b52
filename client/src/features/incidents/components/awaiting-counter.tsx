import { Link } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';
import { useUser } from '@client/lib/session.js';
import { useAwaitingAcknowledgement } from '../api/list-awaiting.js';

/** Plan of Action V: how many alerts wait for the user's government, a link to the feed filtered to them. */
export function AwaitingCounter() {
  const { t } = useI18n();
  const user = useUser();
  const { data } = useAwaitingAcknowledgement();
  const count = data?.items.length ?? 0;
  return (
    <Link
      to="/incidents?awaiting=mine"
      className={`awaiting-counter ${count > 0 ? 'has-awaiting' : ''}`}
      data-testid="awaiting-counter"
      data-count={count}
    >
      <span className="counter-number">{count}</span>
      <span className="counter-words">
        {' '}
        {t('incidents.awaitingCount', { count, government: t(`government.${user.country}`) })}
      </span>
    </Link>
  );
}
