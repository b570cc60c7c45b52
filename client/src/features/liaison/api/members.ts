import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, MemberBody, MemberUpdateBody } from '@shared/liaison/contract.js';
import { api } from '@client/lib/api-client.js';
import { refreshRoster } from './refresh.js';

const membersPath = (mechanismId: string) => `/api/mechanisms/${encodeURIComponent(mechanismId)}/members`;
const memberPath = (mechanismId: string, memberId: string) =>
  `${membersPath(mechanismId)}/${encodeURIComponent(memberId)}`;

/**
 * POST/PUT/DELETE /api/mechanisms/:id/members[/:memberId] (a member with every contact)
 * and POST …/verify: a coordinator's changes to the roster.
 */
export function useMemberChanges(mechanismId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => refreshRoster(queryClient, mechanismId);
  return {
    add: useMutation({
      mutationFn: (body: MemberBody) => api<Member>('POST', membersPath(mechanismId), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ memberId, body }: { memberId: string; body: MemberUpdateBody }) =>
        api<Member>('PUT', memberPath(mechanismId, memberId), body),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (memberId: string) => api<void>('DELETE', memberPath(mechanismId, memberId)),
      onSuccess,
    }),
    verify: useMutation({
      mutationFn: (memberId: string) => api<Member>('POST', `${memberPath(mechanismId, memberId)}/verify`),
      onSuccess,
    }),
  };
}
