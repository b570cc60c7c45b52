import { useState, type FormEvent } from 'react';
import { latLon, type LatLon } from '@shared/reference/contract.js';
import { Field } from '@client/components/field.js';
import { PlaceSearchBox } from '@client/components/place-search-box.js';
import { useI18n } from '@client/lib/i18n.js';
import type { SearchEntry } from '@client/lib/place-search.js';
import { usePlaceSearchIndex } from '@client/lib/use-place-search-index.js';
import { WhoToCallPanel } from './who-to-call-panel.js';

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * A place found by name (a town, port or area: the map's place search) or typed in decimal
 * degrees → the "who to call" panel for it.
 */
export function WhoToCallSearch() {
  const { t } = useI18n();
  const index = usePlaceSearchIndex();
  const [text, setText] = useState({ lat: '', lon: '' });
  const [point, setPoint] = useState<LatLon | null>(null);
  const parsed = latLon.safeParse({ lat: Number(text.lat), lon: Number(text.lon) });
  const complete = text.lat.trim() !== '' && text.lon.trim() !== '';
  const invalid = complete && !parsed.success;
  const valid = complete && parsed.success;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) setPoint(parsed.data);
  };
  // A place picked by name answers at once; its coordinates show in the fields for the record.
  const choose = (entry: SearchEntry) => {
    const found = { lat: round(entry.latitude), lon: round(entry.longitude) };
    setText({ lat: String(found.lat), lon: String(found.lon) });
    setPoint(found);
  };
  return (
    <section className="who-to-call-search" aria-labelledby="who-to-call-search-title">
      <h2 id="who-to-call-search-title">{t('liaison.whoToCall.searchTitle')}</h2>
      <p className="muted">{t('liaison.whoToCall.hint')}</p>
      <PlaceSearchBox index={index} onChoose={choose} />
      <form onSubmit={submit} className="field-row" data-testid="who-to-call-coordinates">
        <Field label={t('liaison.whoToCall.lat')} error={invalid ? t('validation.invalid') : undefined}>
          <input inputMode="decimal" value={text.lat} onChange={(e) => setText({ ...text, lat: e.target.value })} />
        </Field>
        <Field label={t('liaison.whoToCall.lon')}>
          <input inputMode="decimal" value={text.lon} onChange={(e) => setText({ ...text, lon: e.target.value })} />
        </Field>
        <button type="submit" className="primary" disabled={!valid}>
          {t('liaison.whoToCall.find')}
        </button>
      </form>
      {point && <WhoToCallPanel key={`${point.lat},${point.lon}`} point={point} />}
    </section>
  );
}
