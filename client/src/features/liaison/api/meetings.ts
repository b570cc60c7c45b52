import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitmentBody, CommitmentView, MeetingBody } from '@shared/liaison/contract.js';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { liaisonKeys } from './keys.js';

/** GET /api/mechanisms/:id/meetings: newest first, each with its commitments (overdue ones flagged). */
export const meetingsQuery = (mechanismId: string) =>
  queryOptions({
    queryKey: liaisonKeys.meetings(mechanismId),
    queryFn: () => call(endpoints.meetings, { params: { id: mechanismId } }),
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
  return {
    schedule: useMutation({
      mutationFn: (body: MeetingBody) => call(endpoints.addMeeting, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ meetingId, body }: { meetingId: string; body: MeetingBody }) =>
        call(endpoints.updateMeeting, { params: { id: mechanismId, meetingId }, body }),
      onSuccess,
    }),
    addCommitment: useMutation({
      mutationFn: (body: CommitmentBody) => call(endpoints.addCommitment, { params: { id: mechanismId }, body }),
      onSuccess,
    }),
    setDone: useMutation({
      mutationFn: ({ id: commitmentId, mechanismId: _m, overdue: _o, ...body }: CommitmentView) =>
        call(endpoints.updateCommitment, {
          params: { id: mechanismId, commitmentId },
          body: { ...body, done: !body.done },
        }),
      onSuccess,
    }),
  };
}
