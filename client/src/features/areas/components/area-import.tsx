import { useState, type FormEvent } from 'react';
import { riskLevels, type RiskLevel } from '@shared/reference/contract.js';
import { Field } from '@client/components/field.js';
import { useI18n } from '@client/lib/i18n.js';
import { useImportAreas } from '../api/import-areas.js';
import '../areas.css';

/**
 * Import other agencies' areas from a GeoJSON or KML file: the language its names are written
 * in (the other is left for an editor) and the risk level for areas the file doesn't grade.
 */
export function AreaImport() {
  const { t, language, describeError } = useI18n();
  const importAreas = useImportAreas();
  const [file, setFile] = useState<File | null>(null);
  const [fileLanguage, setFileLanguage] = useState<'en' | 'es'>(language);
  const [riskLevel, setRiskLevel] = useState<RiskLevel>('high');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) importAreas.mutate({ file, language: fileLanguage, riskLevel });
  };
  return (
    <form className="area-import" onSubmit={submit} aria-label={t('areas.import')}>
      <h2>{t('areas.import')}</h2>
      <p className="form-note">{t('areas.importHelp')}</p>
      <Field label={t('areas.importFile')}>
        <input
          type="file"
          accept=".geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <div className="field-row">
        <Field label={t('areas.importLanguage')}>
          <select value={fileLanguage} onChange={(event) => setFileLanguage(event.target.value as 'en' | 'es')}>
            <option value="en">{t('areas.language.en')}</option>
            <option value="es">{t('areas.language.es')}</option>
          </select>
        </Field>
        <Field label={t('areaField.riskLevel')}>
          <select value={riskLevel} onChange={(event) => setRiskLevel(event.target.value as RiskLevel)}>
            {riskLevels.map((level) => (
              <option key={level} value={level}>
                {t(`map.risk.${level}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" disabled={!file || importAreas.isPending}>
        {t('areas.importSubmit')}
      </button>
      {importAreas.data && <p role="status">{t('areas.imported', { count: importAreas.data.created.length })}</p>}
      {importAreas.error !== null && (
        <p className="form-error" role="alert">
          {describeError(importAreas.error)}
        </p>
      )}
    </form>
  );
}
