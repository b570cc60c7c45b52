import { useState, type FormEvent } from 'react';
import { Field } from '@client/components/field.js';
import { useI18n } from '@client/lib/i18n.js';
import { useImportCap } from '../api/import-cap.js';

/** Another agency's CAP 1.2 message, pasted or from a file, becomes a draft; a refusal shows the server's reason. */
export function CapImport({ onImported }: { onImported: (id: string) => void }) {
  const { t, pick, describeError } = useI18n();
  const importCap = useImportCap();
  const [xml, setXml] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    importCap.mutate(xml, { onSuccess: ({ advisory }) => onImported(advisory.id) });
  };
  const matched = importCap.data?.matchedAreas;
  return (
    <form className="cap-import" onSubmit={submit} aria-label={t('advisories.import')}>
      <h3>{t('advisories.import')}</h3>
      <p className="hint">{t('advisories.importHint')}</p>
      <input
        type="file"
        accept=".xml,.cap,application/xml,application/cap+xml"
        onChange={async (e) => setXml((await e.target.files?.[0]?.text()) ?? '')}
      />
      <Field label="XML">
        <textarea name="cap" rows={4} value={xml} onChange={(e) => setXml(e.target.value)} />
      </Field>
      {importCap.error !== null && (
        <p className="form-error" role="alert">
          {describeError(importCap.error)}
        </p>
      )}
      {matched && (
        <p role="status">
          {t('advisories.imported', {
            areas: matched.length ? matched.map((a) => pick(a.name)).join(', ') : t('advisories.noneMatched'),
          })}
        </p>
      )}
      <button type="submit" disabled={!xml.trim() || importCap.isPending}>
        {t('advisories.importSubmit')}
      </button>
    </form>
  );
}
