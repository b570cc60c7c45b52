import { useI18n } from '@client/lib/i18n.js';
import { useLiveState } from '@client/lib/live.js';
import './live-indicator.css';

/** Tells the officer whether alerts are arriving; "down" means the client is reconnecting. */
export function LiveIndicator() {
  const { t } = useI18n();
  const state = useLiveState();
  return (
    <span
      className={`live-indicator live-${state}`}
      data-testid="live-indicator"
      data-state={state}
      title={state === 'live' ? t('shell.liveTitle') : t('shell.downTitle')}
      role="status"
    >
      <span className="live-dot" aria-hidden="true" />
      <span className="live-words">{state === 'live' ? t('shell.live') : t('shell.reconnecting')}</span>
    </span>
  );
}
