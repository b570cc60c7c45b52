import { Link } from 'react-router';
import { mechanismName } from '@shared/reference/place.js';
import type { LatLon } from '@shared/reference/contract.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Panel } from '@client/components/panel.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMechanisms } from '../api/mechanisms.js';
import { usePlaceOnDuty } from '../api/on-duty.js';
import { OnDutyColumns } from './on-duty-columns.js';
import '../liaison.css';

/**
 * "Who do I call now for this place?" (issue 15): the mechanism responsible for `point`
 * (its area holds it, or it is the nearest) and who is on duty there now on each side.
 * Exported by the feature's index for the incident page and anywhere else.
 */
export function WhoToCallPanel({ point }: { point: LatLon }) {
  const { t, pick, formatNumber } = useI18n();
  const place = usePlaceOnDuty(point);
  const mechanisms = useMechanisms();
  const answer = place.data;
  const mechanism = answer && mechanisms.data?.find((m) => m.id === answer.mechanismId);
  const name = mechanism ? pick(mechanismName(mechanism)) : answer?.mechanismId;
  return (
    <Panel title={t('liaison.whoToCall.title')} className="who-to-call" testId="who-to-call" aria-live="polite">
      {place.error ? (
        <ErrorWithRetry error={place.error} onRetry={() => void place.refetch()} />
      ) : !answer ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : (
        <>
          <p data-testid="who-to-call-mechanism" data-mechanism-id={answer.mechanismId}>
            {answer.how === 'contains'
              ? t('liaison.whoToCall.contains', { mechanism: name ?? '' })
              : t('liaison.whoToCall.nearest', {
                  mechanism: name ?? '',
                  km: formatNumber(answer.distanceKm ?? 0),
                })}{' '}
            <Link to={`/mechanisms/${encodeURIComponent(answer.mechanismId)}`}>{t('liaison.whoToCall.open')}</Link>
          </p>
          <OnDutyColumns onDuty={answer} />
        </>
      )}
    </Panel>
  );
}
