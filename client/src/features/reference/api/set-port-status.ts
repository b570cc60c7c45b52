import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Port, PortStatusBody } from '@shared/reference/contract.js';
import { referenceEndpoints } from '@shared/reference/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { portStatusHistoryQuery } from './port-status-history.js';
import { portsQuery } from './ports.js';

/** The port as it now stands, on the board, the map and every page that reads the ports; its history is reread. */
export function placePort(queryClient: QueryClient, port: Port) {
  queryClient.setQueryData<Port[]>(portsQuery.queryKey, (ports) => ports?.map((p) => (p.id === port.id ? port : p)));
  void queryClient.invalidateQueries({ queryKey: portStatusHistoryQuery(port.id).queryKey, exact: true });
}

/** POST /api/ports/:id/status: open, restrict or close a port. */
export function useSetPortStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ portId, body }: { portId: string; body: PortStatusBody }) =>
      call(referenceEndpoints.setPortStatus, { params: { id: portId }, body }),
    onSuccess: (port) => placePort(queryClient, port),
  });
}
