import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberBody, MemberUpdateBody } from '@shared/liaison/contract.js';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { refreshRoster } from './refresh.js';

/**
 * POST/PUT/DELETE /api/mechanisms/:id/members[/:memberId] (a member with every contact)
 * and POST …/verify: a coordinator's changes to the roster.
 */
export function useMemberChanges(mechanismId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => refreshRoster(queryClient, mechanismId);
  return {
    add: useMutation({
      mutationFn: (body: MemberBody) => call(endpoints.addMember, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ memberId, body }: { memberId: string; body: MemberUpdateBody }) =>
        call(endpoints.updateMember, { params: { id: mechanismId, memberId }, body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (memberId: string) => call(endpoints.removeMember, { params: { id: mechanismId, memberId } }),
      onSuccess,
    }),
    verify: useMutation({
      mutationFn: (memberId: string) => call(endpoints.verifyMember, { params: { id: mechanismId, memberId } }),
      onSuccess,
    }),
  };
}
