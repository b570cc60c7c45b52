import { Link } from 'react-router';
import type { Advisory } from '@shared/advisories/contract.js';
import { Toast, ToastList, useToasts } from '@client/components/toast-list.js';
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
  const { toasts, show, dismiss } = useToasts<Advisory>();

  useLiveNews('advisory.published', ({ advisory }) => show(advisory));

  return (
    <ToastList className="advisory-toasts">
      {toasts.map(({ key, toast: advisory }) => (
        <Toast
          key={key}
          testId="advisory-toast"
          lifetimeMs={TOAST_MS}
          onDismiss={() => dismiss(advisory.id)}
          title={t('advisories.publishedToast', { hazard: t(`hazard.${advisory.hazard}`) })}
          summary={advisory.text[language]}
          actions={
            <Link to={`/advisories?id=${advisory.id}`} onClick={() => dismiss(advisory.id)}>
              {t('incidents.open')}
            </Link>
          }
        >
          <AdvisoryBadges advisory={advisory} />
        </Toast>
      ))}
    </ToastList>
  );
}
