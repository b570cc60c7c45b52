import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntendedGapBody, OverrideBody, RotationBody } from '@shared/liaison/contract.js';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { refreshRoster } from './refresh.js';

/** PUT …/rotations, POST/DELETE …/overrides and …/intended-gaps: the coordinator's duty changes. */
export function useDutyChanges(mechanismId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => refreshRoster(queryClient, mechanismId);
  return {
    putRotation: useMutation({
      mutationFn: (body: RotationBody) => call(endpoints.putRotation, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    addOverride: useMutation({
      mutationFn: (body: OverrideBody) => call(endpoints.addOverride, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    removeOverride: useMutation({
      mutationFn: (overrideId: string) => call(endpoints.removeOverride, { params: { id: mechanismId, overrideId } }),
      onSuccess,
    }),
    markIntended: useMutation({
      mutationFn: (body: IntendedGapBody) => call(endpoints.addIntendedGap, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    unmarkIntended: useMutation({
      mutationFn: (gapId: string) => call(endpoints.removeIntendedGap, { params: { id: mechanismId, gapId } }),
      onSuccess,
    }),
  };
}
