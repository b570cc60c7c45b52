import { queryString } from '@shared/http/endpoint.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { useI18n } from '@client/lib/i18n.js';

/**
 * Links a calendar client subscribes to (GET /api/repatriation/schedule.ics, public: calendar
 * clients carry no session). `webcal:` opens Outlook and Apple Calendar; Google takes the URL.
 */
export function SubscribeLinks({
  query: params,
  label,
}: {
  query: { port: string } | { arrangement: string };
  label: string;
}) {
  const { t } = useI18n();
  const feed = new URL(
    `${repatriationEndpoints.schedule.path}${queryString(params)}`,
    window.location.origin,
  ).toString();
  const webcal = feed.replace(/^https?:/, 'webcal:');
  const google = `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`;
  return (
    <p className="subscribe">
      <span>{label}:</span> <a href={webcal}>{t('repatriation.subscribeOutlook')}</a> ·{' '}
      <a href={google} target="_blank" rel="noreferrer">
        {t('repatriation.subscribeGoogle')}
      </a>{' '}
      ·{' '}
      <a href={feed} download data-testid="ics-link">
        .ics
      </a>
    </p>
  );
}
