import type { SetAsideWork } from '@shared/due-work/contract.js';
import { dueWorkKindOf } from '@shared/due-work/catalogue.js';
import { Badge } from '@client/components/badge.js';
import { Button } from '@client/components/button.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { Table, type Column } from '@client/components/table.js';
import { useI18n } from '@client/lib/i18n.js';
import { useSetAsideWork } from '../api/list-set-aside.js';
import { useRetryWork } from '../api/retry-work.js';
import './set-aside-page.css';

/**
 * Administrators' list of work set aside: what it was for (in the reader's language), what it
 * was about, how often it ran, its last error and when it was set aside, and a Retry that
 * puts it back in the queue.
 */
export function SetAsidePage() {
  const { t, pick, formatNumber, formatTime, describeError } = useI18n();
  const { data: work, error, refetch } = useSetAsideWork();
  const retry = useRetryWork();

  const columns: ReadonlyArray<Column<SetAsideWork>> = [
    {
      header: t('dueWork.kind'),
      cell: ({ kind, reason }) => {
        const known = dueWorkKindOf(kind);
        return (
          <>
            {known ? pick(known.label) : t('dueWork.unknownKind', { kind })}
            <div>
              <Badge tone={reason === 'payload' ? 'danger' : 'warning'}>{t(`dueWork.reason.${reason}`)}</Badge>
            </div>
          </>
        );
      },
    },
    { header: t('dueWork.subject'), cell: ({ subjectId }) => <code>{subjectId}</code> },
    { header: t('dueWork.attempts'), cell: ({ attempts }) => formatNumber(attempts) },
    {
      header: t('dueWork.lastError'),
      cell: ({ lastError }) => <code className="last-error">{lastError ?? '—'}</code>,
    },
    { header: t('dueWork.setAsideAt'), cell: ({ setAsideAt }) => formatTime(setAsideAt) },
    {
      header: t('dueWork.retry'),
      cell: ({ id }) => {
        const busy = retry.isPending && retry.variables === id;
        return (
          <Button onClick={() => retry.mutate(id)} disabled={retry.isPending}>
            {busy ? t('dueWork.retrying') : t('dueWork.retry')}
          </Button>
        );
      },
    },
  ];

  return (
    <section className="page set-aside-page">
      <h1>{t('dueWork.title')}</h1>
      <p className="muted">{t('dueWork.intro')}</p>
      {retry.isSuccess && <p role="status">{t('dueWork.retried')}</p>}
      {retry.isError && (
        <p role="alert" className="error">
          {describeError(retry.error)}
        </p>
      )}
      {error && <ErrorWithRetry error={error} onRetry={() => void refetch()} />}
      {work?.length === 0 && <p className="muted">{t('dueWork.none')}</p>}
      {work && work.length > 0 && (
        <Table
          label={t('dueWork.title')}
          columns={columns}
          rows={work}
          rowKey={({ id }) => id}
          stackOnPhone
          testId="set-aside-work"
        />
      )}
    </section>
  );
}
