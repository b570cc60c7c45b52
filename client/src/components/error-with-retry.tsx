import { classNames } from '@client/lib/class-names.js';
import { useI18n } from '@client/lib/i18n.js';
import { Button } from './button.js';

interface Props {
  /** What failed, worded for the reader by `describeError` (no connection, refused, unexpected…). */
  error: unknown;
  /** Asks again: a query's `refetch`, a route's revalidation. */
  onRetry: () => void;
  /** A whole page failed: the message stands where the page would be. */
  page?: boolean;
}

/**
 * What went wrong and "Try again", said at once: queries don't retry silently
 * (lib/query-client.ts), so every failed read offers this.
 */
export function ErrorWithRetry({ error, onRetry, page = false }: Props) {
  const { t, describeError } = useI18n();
  return (
    <p role="alert" className={classNames('error', page && 'page-message')}>
      {describeError(error)} <Button onClick={onRetry}>{t('common.retry')}</Button>
    </p>
  );
}
