import { Link } from 'react-router';
import { mechanismName } from '@shared/reference/place.js';
import { roleLabel } from '@shared/liaison/text.js';
import { PopupCard } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { useOnDuty } from '../api/on-duty.js';
import { PhoneLink } from './contact-links.js';
import '../liaison.css';

/**
 * A mechanism on the map: its area's basis and who to call first on each side now — the
 * place clicked lies in this mechanism's area, so this is the "who do I call" answer for it.
 */
export function MechanismPopup({ featureId }: { featureId: string }) {
  const { t, language } = useI18n();
  const mechanism = useMechanisms().data?.find((m) => m.id === featureId);
  const onDuty = useOnDuty(featureId);
  if (!mechanism) return null;
  const first = onDuty.data ? [...onDuty.data.US.slice(0, 1), ...onDuty.data.MX.slice(0, 1)] : [];
  return (
    <PopupCard
      kind={t(`liaison.kind.${mechanism.kind}`)}
      title={mechanismName(mechanism)[language]}
      testId="mechanism-popup"
    >
      {mechanism.areaMethod && <p className="muted">{t(`liaison.area.${mechanism.areaMethod}`)}</p>}
      <p className="popup-label">{t('liaison.onDuty.title')}</p>
      <ul className="plain-list">
        {first.map((c) => (
          <li key={c.memberId}>
            <strong>{t(`liaison.sideShort.${c.country}`)}</strong> {c.name} ({roleLabel(c.role)[language]})
            {c.phone && (
              <>
                {' '}
                <PhoneLink e164={c.phone} />
              </>
            )}
          </li>
        ))}
      </ul>
      <Link to={`/mechanisms/${encodeURIComponent(mechanism.id)}`}>{t('liaison.whoToCall.open')}</Link>
    </PopupCard>
  );
}
