import type { Arrangement } from '@shared/repatriation/contract.js';
import { useI18n } from '@client/lib/i18n.js';

/** Why an arrangement's hours are what they are, and where that comes from; illustrative ones say so. */
export function Provenance({ arrangement }: { arrangement: Pick<Arrangement, 'illustrative' | 'basis' | 'sources'> }) {
  const { t } = useI18n();
  if (!arrangement.illustrative && !arrangement.basis && arrangement.sources.length === 0) return null;
  return (
    <details className="provenance">
      <summary>{arrangement.illustrative ? t('repatriation.illustrativeTitle') : t('repatriation.basis')}</summary>
      {arrangement.basis && <p lang="en">{arrangement.basis}</p>}
      {arrangement.sources.length > 0 && (
        <p className="muted">
          {t('common.sources')}: {arrangement.sources.join(', ')}
        </p>
      )}
    </details>
  );
}
