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
import { sarEndpoints as endpoints } from '@shared/sar/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** The changes to an open operation, each one endpoint of the contract. */
export type Change =
  | { kind: 'team'; body: TeamBody }
  | { kind: 'asset'; body: AssetBody }
  | { kind: 'sector'; body: SectorBody }
  | { kind: 'sectorUpdate'; sectorId: string; body: SectorUpdateBody }
  | { kind: 'progress'; body: ProgressBody }
  | { kind: 'close'; body: CloseSarBody };

function send(id: string, change: Change): Promise<SarOperation> {
  switch (change.kind) {
    case 'team':
      return call(endpoints.addTeam, { params: { id }, body: change.body });
    case 'asset':
      return call(endpoints.addAsset, { params: { id }, body: change.body });
    case 'sector':
      return call(endpoints.addSector, { params: { id }, body: change.body });
    case 'sectorUpdate':
      return call(endpoints.updateSector, { params: { id, sectorId: change.sectorId }, body: change.body });
    case 'progress':
      return call(endpoints.logProgress, { params: { id }, body: change.body });
    case 'close':
      return call(endpoints.close, { params: { id }, body: change.body });
  }
}

/**
 * The changes to an open operation. Every endpoint answers with the whole operation, which
 * replaces the cached one (unless a live event already brought a newer version).
 */
export function useOperationChange(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => send(incidentId, change),
    onSuccess: (operation) =>
      queryClient.setQueryData<SarOperation | null>(sarKeys.operation(incidentId), (shown) =>
        shown && shown.version > operation.version ? shown : operation,
      ),
  });
}
