import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { mechanismName } from '@shared/liaison/names.js';
import { latLon, type LatLon } from '@shared/reference/contract.js';
import { Field } from '@client/components/field.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';
import { MechanismFlagBadges } from './mechanism-flags.js';
import { WhoToCallPanel } from './who-to-call-panel.js';

/** `#/mechanisms`: every mechanism with its flags, and "who do I call" for any place. */
export function MechanismsPage() {
  const { t, describeError } = useI18n();
  const zoned = useZonedTime();
  const { data: mechanisms, error, refetch } = useMechanisms();
  return (
    <article className="page mechanisms-page" data-testid="mechanisms-page">
      <header className="page-header">
        <h1>{t('liaison.list.title')}</h1>
      </header>
      {error && !mechanisms ? (
        <p role="alert" className="error">
          {describeError(error)}{' '}
          <button type="button" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </p>
      ) : !mechanisms ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <ul className="feed mechanism-list">
          {mechanisms.map((m) => (
            <li key={m.id} className="feed-row" data-testid="mechanism-row" data-mechanism-id={m.id}>
              <Link to={`/mechanisms/${encodeURIComponent(m.id)}`} className="feed-link">
                <span className="feed-title">{mechanismName(m)}</span>
                <span className="muted">
                  {t(`liaison.kind.${m.kind}`)}
                  {m.illustrative && ` · ${t('liaison.illustrative')}`} ·{' '}
                  {t('liaison.timeZone', { zone: zoned.zoneName(m.timeZone) })}
                </span>
              </Link>
              <MechanismFlagBadges flags={m.flags} />
            </li>
          ))}
        </ul>
      )}
      <PlaceSearch />
    </article>
  );
}

/** A place typed in decimal degrees → the "who to call" panel for it. */
function PlaceSearch() {
  const { t } = useI18n();
  const [text, setText] = useState({ lat: '', lon: '' });
  const [point, setPoint] = useState<LatLon | null>(null);
  const parsed = latLon.safeParse({ lat: Number(text.lat), lon: Number(text.lon) });
  const complete = text.lat.trim() !== '' && text.lon.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) setPoint(parsed.data);
  };
  const invalid = complete && !parsed.success;
  const valid = complete && parsed.success;
  return (
    <section className="place-search">
      <form onSubmit={submit} className="field-row" data-testid="place-search">
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
      <p className="muted">{t('liaison.whoToCall.hint')}</p>
      {point && <WhoToCallPanel key={`${point.lat},${point.lon}`} point={point} />}
    </section>
  );
}
