import { mechanismName } from '@shared/reference/place.js';
import { useMechanisms } from '@client/features/liaison/index.js';
import { useI18n } from '@client/lib/i18n.js';

interface Props {
  /** The mechanism's id; undefined: any mechanism. */
  value: string | undefined;
  onChange: (mechanism: string | undefined) => void;
}

/** Incidents of any mechanism, or of one: the feed's filter and the operations map's. */
export function MechanismFilter({ value, onChange }: Props) {
  const { t, pick } = useI18n();
  const mechanisms = useMechanisms().data ?? [];
  return (
    <label>
      {t('incidents.filterMechanism')}
      <select name="mechanism" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t('incidents.any')}</option>
        {mechanisms.map((m) => (
          <option key={m.id} value={m.id}>
            {pick(mechanismName(m))}
          </option>
        ))}
      </select>
    </label>
  );
}
