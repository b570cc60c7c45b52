import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, UpdateIncidentBody } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call, refusalOf } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

export type IncidentChange = Omit<UpdateIncidentBody, 'version'>;

/** The state the server holds when a PATCH was stale (409 version_conflict), else null. */
const conflictingState = (error: unknown): IncidentDetail | null =>
  refusalOf(incidentEndpoints.update, 409, error)?.current ?? null;

/**
 * PATCH /api/incidents/:id with the version the user was looking at. On a 409 the screen
 * switches to the server's current state and keeps the user's change so they can
 * re-apply it knowingly.
 */
export function useIncidentUpdate(detail: IncidentDetail) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<IncidentChange | null>(null);
  const show = (fresh: IncidentDetail) => queryClient.setQueryData(incidentKeys.detail(fresh.id), fresh);

  const mutation = useMutation({
    mutationFn: ({ change, version }: { change: IncidentChange; version: number }) =>
      call(incidentEndpoints.update, { params: { id: detail.id }, body: { ...change, version } }),
    onSuccess: (fresh) => {
      show(fresh);
      setConflict(null);
    },
    onError: (failure, { change }) => {
      const current = conflictingState(failure);
      if (!current) return;
      show(current);
      setConflict(change);
    },
  });

  /** Resolves to whether the change was saved. */
  const apply = (change: IncidentChange, version = detail.version): Promise<boolean> =>
    mutation.mutateAsync({ change, version }).then(
      () => true,
      () => false,
    );

  return {
    apply,
    saving: mutation.isPending,
    error: conflictingState(mutation.error) ? null : mutation.error,
    conflict,
    reapply: () => (conflict ? apply(conflict) : Promise.resolve(false)),
    discard: () => {
      setConflict(null);
      mutation.reset();
    },
  };
}
