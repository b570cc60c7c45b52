import { useRevalidator } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';

/** One broken page (or its code failing to load) leaves the shell standing, with a way to try again. */
export function RouteError() {
  const { t } = useI18n();
  const { revalidate } = useRevalidator();
  return (
    <div role="alert" className="error page-message">
      <p>{t('error.unexpected')}</p>
      <button type="button" onClick={() => void revalidate()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
