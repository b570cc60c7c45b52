import { queryOptions, useQuery } from '@tanstack/react-query';
import { dueWorkEndpoints } from '@shared/due-work/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { dueWorkKeys } from './keys.js';

/** GET /api/due-work/set-aside: work set aside, most recently first. */
export const setAsideQuery = () =>
  queryOptions({ queryKey: dueWorkKeys.setAside(), queryFn: () => call(dueWorkEndpoints.setAside, {}) });

export const useSetAsideWork = () => useQuery(setAsideQuery());
