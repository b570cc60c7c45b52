import { z } from 'zod';
import type { AreaFeature } from '@shared/reference/contract.js';
import { useI18n } from '@client/lib/i18n.js';
import { useValidatedSearchParams } from '@client/lib/search-params.js';
import { useCan } from '@client/lib/use-can.js';
import { useAreas } from '@client/features/reference/index.js';
import { AreaEditor } from './area-editor.js';
import { AreaImport } from './area-import.js';
import '../areas.css';

/** `#/areas?edit=<id>` opens an area in the editor; `edit=new` a new one. */
const pageParams = z.object({ edit: z.string().optional().catch(undefined) });

/** What an area still lacks, in words ("Spanish name missing"). */
function MissingWording({ area }: { area: AreaFeature }) {
  const { t } = useI18n();
  if (area.properties.missing.length === 0) return null;
  return (
    <span className="badge area-missing" data-testid="area-missing">
      {area.properties.missing.map((field) => t(`areaMissing.${field}`)).join(' · ')}
    </span>
  );
}

/**
 * High-risk areas (Plan of Action I): every area with its risk, hazard and season, exported as
 * GeoJSON or CSV; supervisors draw new ones, edit, import and delete them here.
 */
export function AreasPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const areas = useAreas();
  const [params, setParams] = useValidatedSearchParams(pageParams);
  const editor = can('area.edit');
  const features = areas.data?.features ?? [];
  const editing =
    editor && params.edit ? (params.edit === 'new' ? null : features.find((a) => a.id === params.edit)) : undefined;

  return (
    <div className="page areas-page">
      <header className="page-header">
        <h1>{t('areas.title')}</h1>
        <a className="button" href="/api/areas.geojson" download data-testid="areas-geojson">
          {t('areas.downloadGeoJson')}
        </a>
        <a className="button" href="/api/areas.csv" download data-testid="areas-csv">
          {t('areas.downloadCsv')}
        </a>
        {editor && (
          <button type="button" onClick={() => setParams({ edit: 'new' })}>
            {t('areas.new')}
          </button>
        )}
      </header>
      <div className="areas-layout">
        <section aria-label={t('areas.title')}>
          {areas.error !== null && <p role="alert">{t('error.unexpected')}</p>}
          <ul className="area-list">
            {features.map((area) => (
              <li key={area.id} data-testid="area-item" className={area.id === params.edit ? 'selected' : undefined}>
                <strong>{pick(area.properties.name)}</strong>{' '}
                <span className={`badge risk-${area.properties.riskLevel}`}>
                  {t(`map.risk.${area.properties.riskLevel}`)}
                </span>{' '}
                <MissingWording area={area} />
                <div className="area-hazard">{pick(area.properties.hazard)}</div>
                {area.properties.season && (
                  <div className="area-season">
                    {t('map.season')}: {pick(area.properties.season)}
                  </div>
                )}
                {editor && (
                  <button type="button" className="link-button" onClick={() => setParams({ edit: area.id })}>
                    {t('areas.editThis', { name: pick(area.properties.name) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
        {editor && (
          <section className="areas-side">
            {editing !== undefined ? (
              <AreaEditor
                key={editing?.id ?? 'new'}
                area={editing}
                others={features}
                onDone={() => setParams({ edit: undefined })}
              />
            ) : (
              <AreaImport />
            )}
          </section>
        )}
      </div>
    </div>
  );
}
