import { useRevalidator, useRouteError } from 'react-router';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';

/** One broken page (or its code failing to load) leaves the shell standing, with a way to try again. */
export function RouteError() {
  const error = useRouteError();
  const { revalidate } = useRevalidator();
  return <ErrorWithRetry error={error} onRetry={() => void revalidate()} page />;
}
