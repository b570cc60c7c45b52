import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  IntendedGap,
  IntendedGapBody,
  Override,
  OverrideBody,
  RotationBody,
  Shift,
} from '@shared/liaison/contract.js';
import { api } from '@client/lib/api-client.js';
import { refreshRoster } from './refresh.js';

const path = (mechanismId: string, rest: string) => `/api/mechanisms/${encodeURIComponent(mechanismId)}/${rest}`;

/** PUT …/rotations, POST/DELETE …/overrides and …/intended-gaps: the coordinator's duty changes. */
export function useDutyChanges(mechanismId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => refreshRoster(queryClient, mechanismId);
  return {
    putRotation: useMutation({
      mutationFn: (body: RotationBody) => api<{ shifts: Shift[] }>('PUT', path(mechanismId, 'rotations'), body),
      onSuccess,
    }),
    addOverride: useMutation({
      mutationFn: (body: OverrideBody) => api<Override>('POST', path(mechanismId, 'overrides'), body),
      onSuccess,
    }),
    removeOverride: useMutation({
      mutationFn: (id: string) => api<void>('DELETE', path(mechanismId, `overrides/${encodeURIComponent(id)}`)),
      onSuccess,
    }),
    markIntended: useMutation({
      mutationFn: (body: IntendedGapBody) => api<IntendedGap>('POST', path(mechanismId, 'intended-gaps'), body),
      onSuccess,
    }),
    unmarkIntended: useMutation({
      mutationFn: (id: string) => api<void>('DELETE', path(mechanismId, `intended-gaps/${encodeURIComponent(id)}`)),
      onSuccess,
    }),
  };
}
