import { PopupLine } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';

/** The "approximate" marker and the sources every reference record carries. */
export function Provenance({ approx, sources }: { approx: boolean; sources: readonly string[] }) {
  const { t } = useI18n();
  return (
    <div className="popup-provenance">
      {approx && (
        <span className="approx" title={t('common.approximateTitle')}>
          ≈ {t('common.approximate')}
        </span>
      )}
      {sources.length > 0 && <PopupLine label={t('common.sources')} value={sources.join(', ')} />}
    </div>
  );
}
