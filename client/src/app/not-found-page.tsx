import { Link } from 'react-router';
import { useI18n } from '@client/lib/i18n.js';
import { DEFAULT_PATH } from './default-path.js';

/** An address the console doesn't know (an old bookmark, a typo). */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('shell.notFound')}</h1>
      <Link to={DEFAULT_PATH}>{t('shell.notFoundBack')}</Link>
    </section>
  );
}
