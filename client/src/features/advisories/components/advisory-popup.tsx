import { Link } from 'react-router';
import { PopupCard } from '@client/components/popup-card.js';
import { useI18n } from '@client/lib/i18n.js';
import { useAdvisories } from '../api/list-advisories.js';
import { AdvisoryBadges } from './advisory-badges.js';

export function AdvisoryPopup({ featureId }: { featureId: string }) {
  const { t, language, formatTime } = useI18n();
  const advisory = useAdvisories(true).data?.find((a) => a.id === featureId);
  if (!advisory) return null;
  return (
    <PopupCard kind={t('advisories.title')} title={t(`hazard.${advisory.hazard}`)} testId="advisory-popup">
      <AdvisoryBadges advisory={advisory} />
      <p>{t('advisories.validity', { from: formatTime(advisory.validFrom), to: formatTime(advisory.validTo) })}</p>
      <p>{advisory.text[language]}</p>
      <Link to={`/advisories?id=${advisory.id}`}>{t('incidents.open')}</Link>
    </PopupCard>
  );
}
