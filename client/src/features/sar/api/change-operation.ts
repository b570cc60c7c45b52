import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AssetBody,
  CloseSarBody,
  ProgressBody,
  SarOperation,
  SectorBody,
  SectorUpdateBody,
  TeamBody,
} from '@shared/sar/contract.js';
import { api } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/**
 * The changes to an open operation. Every endpoint answers with the whole operation, which
 * replaces the cached one (unless a live event already brought a newer version).
 */
type Change =
  | { path: 'teams'; body: TeamBody }
  | { path: 'assets'; body: AssetBody }
  | { path: 'sectors'; body: SectorBody }
  | { path: `sectors/${string}`; body: SectorUpdateBody }
  | { path: 'progress'; body: ProgressBody }
  | { path: 'close'; body: CloseSarBody };

const methodOf = (path: Change['path']) => (path.startsWith('sectors/') ? 'PATCH' : 'POST');

export function useOperationChange(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: Change) =>
      api<SarOperation>(methodOf(path), `/api/incidents/${encodeURIComponent(incidentId)}/sar/${path}`, body),
    onSuccess: (operation) =>
      queryClient.setQueryData<SarOperation | null>(sarKeys.operation(incidentId), (shown) =>
        shown && shown.version > operation.version ? shown : operation,
      ),
  });
}
