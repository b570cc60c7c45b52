import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commitment, CommitmentBody, CommitmentView, MeetingBody, MeetingView } from '@shared/liaison/contract.js';
import { api } from '@client/lib/api-client.js';
import { liaisonKeys } from './keys.js';

const path = (mechanismId: string, rest = '') => `/api/mechanisms/${encodeURIComponent(mechanismId)}/meetings${rest}`;

/** GET /api/mechanisms/:id/meetings: newest first, each with its commitments (overdue ones flagged). */
export const meetingsQuery = (mechanismId: string) =>
  queryOptions({
    queryKey: liaisonKeys.meetings(mechanismId),
    queryFn: () => api<MeetingView[]>('GET', path(mechanismId)),
  });
export const useMeetings = (mechanismId: string) => useQuery(meetingsQuery(mechanismId));

/** POST/PUT meetings and commitments (Plan of Action I–II: periodic meetings to review results). */
export function useMeetingChanges(mechanismId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: liaisonKeys.meetings(mechanismId) });
    // The list counts overdue commitments.
    void queryClient.invalidateQueries({ queryKey: liaisonKeys.list() });
  };
  const commitments = `/api/mechanisms/${encodeURIComponent(mechanismId)}/commitments`;
  return {
    schedule: useMutation({
      mutationFn: (body: MeetingBody) => api<MeetingView>('POST', path(mechanismId), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ meetingId, body }: { meetingId: string; body: MeetingBody }) =>
        api<MeetingView>('PUT', path(mechanismId, `/${encodeURIComponent(meetingId)}`), body),
      onSuccess,
    }),
    addCommitment: useMutation({
      mutationFn: (body: CommitmentBody) => api<CommitmentView>('POST', commitments, body),
      onSuccess,
    }),
    setDone: useMutation({
      mutationFn: ({ id, mechanismId: _m, overdue: _o, ...body }: CommitmentView & Commitment) =>
        api<CommitmentView>('PUT', `${commitments}/${encodeURIComponent(id)}`, { ...body, done: !body.done }),
      onSuccess,
    }),
  };
}
