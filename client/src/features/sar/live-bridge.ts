import type { SarOperation } from '@shared/sar/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { sarKeys } from './api/keys.js';

/** `sar.updated` carries the whole operation: it replaces the cached one unless that is newer already. */
export const sarLiveBridge: LiveBridge = {
  'sar.updated': ({ incidentId, operation }, queryClient) =>
    queryClient.setQueryData<SarOperation | null>(sarKeys.operation(incidentId), (shown) =>
      shown && shown.version > operation.version ? shown : operation,
    ),
};
