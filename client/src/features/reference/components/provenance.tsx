import { useI18n } from '@client/lib/i18n.js';
import { useSources } from '../api/sources.js';

/** The "approximate" marker and the sources every reference record carries, by title, with links. */
export function Provenance({ approx, sources }: { approx: boolean; sources: readonly string[] }) {
  const { t } = useI18n();
  const known = useSources().data;
  return (
    <div className="popup-provenance">
      {approx && (
        <p className="approx">
          ≈ {t('common.approximate')} <span className="muted">({t('common.approximateTitle')})</span>
        </p>
      )}
      {sources.length > 0 && (
        <>
          <span className="popup-label">{t('common.sources')}: </span>
          <ul className="sources">
            {sources.map((id) => {
              const source = known?.find((s) => s.id === id);
              // Until the list has loaded, or for an id it lacks, say nothing rather than show a code.
              if (!source) return null;
              return (
                <li key={id}>
                  {source.url ? (
                    <a href={source.url} target="_blank" rel="noreferrer">
                      {source.title}
                    </a>
                  ) : (
                    source.title
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
