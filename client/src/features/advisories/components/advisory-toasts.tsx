import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Advisory } from '@shared/advisories/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useLiveNews } from '@client/lib/live.js';
import { AdvisoryBadges } from './advisory-badges.js';

const TOAST_MS = 20_000;

/**
 * Publishing raises a live alert to the officers whose mechanisms the advisory touches (the
 * server chooses the audience); each reads it in their own language.
 */
export function AdvisoryToasts() {
  const { t, language } = useI18n();
  const [toasts, setToasts] = useState<Advisory[]>([]);
  const dismiss = (id: string) => setToasts((current) => current.filter((a) => a.id !== id));

  useLiveNews('advisory.published', ({ advisory }) =>
    setToasts((current) => [advisory, ...current.filter((a) => a.id !== advisory.id)]),
  );

  useEffect(() => {
    if (!toasts.length) return;
    const timer = setTimeout(() => dismiss(toasts[toasts.length - 1]!.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);

  return (
    <div className="toasts advisory-toasts" aria-live="assertive">
      {toasts.map((advisory) => (
        <div key={advisory.id} className="toast" role="alert" data-testid="advisory-toast">
          <strong>{t('advisories.publishedToast', { hazard: t(`hazard.${advisory.hazard}`) })}</strong>
          <AdvisoryBadges advisory={advisory} />
          <p className="toast-summary">{advisory.text[language]}</p>
          <div className="toast-actions">
            <Link to={`/advisories?id=${advisory.id}`} onClick={() => dismiss(advisory.id)}>
              {t('incidents.open')}
            </Link>
            <button type="button" onClick={() => dismiss(advisory.id)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
