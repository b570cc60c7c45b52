import { useI18n } from '@client/lib/i18n.js';
import { useSources } from '../api/sources.js';
import '../popups.css';

/**
 * The "approximate" marker and the sources every reference record carries, by title, with
 * links. The sources come folded, last: a popup opens on what an officer acts on.
 */
export function Provenance({ approx, sources }: { approx: boolean; sources: readonly string[] }) {
  const { t } = useI18n();
  const known = useSources().data;
  // Until the list has loaded, or for an id it lacks, say nothing rather than show a code.
  const titled = sources.flatMap((id) => known?.find((s) => s.id === id) ?? []);
  return (
    <div className="popup-provenance">
      {approx && (
        <p className="approx">
          ≈ {t('common.approximate')} <span className="muted">({t('common.approximateTitle')})</span>
        </p>
      )}
      {titled.length > 0 && (
        <details className="popup-sources" data-testid="popup-sources">
          <summary>
            {t('common.sources')} ({titled.length})
          </summary>
          <ul className="sources">
            {titled.map((source) => (
              <li key={source.id}>
                {source.url ? (
                  <a href={source.url} target="_blank" rel="noreferrer">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
