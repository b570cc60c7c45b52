import { useState } from 'react';
import type { IncidentDetail, UpdateIncidentBody } from '@shared/incidents/contract.js';
import { conflictingState, updateIncident } from '../api/incidents.js';

export type IncidentChange = Omit<UpdateIncidentBody, 'version'>;

/**
 * Sends changes with the version the user was looking at. On a 409 the screen switches to
 * the server's current state and keeps the user's change so they can re-apply it knowingly.
 */
export function useIncidentUpdate(detail: IncidentDetail, setDetail: (detail: IncidentDetail) => void) {
  const [conflict, setConflict] = useState<IncidentChange | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  async function apply(change: IncidentChange, version = detail.version): Promise<boolean> {
    setSaving(true);
    setError(null);
    try {
      setDetail(await updateIncident(detail.id, { ...change, version }));
      setConflict(null);
      return true;
    } catch (failure) {
      const current = conflictingState(failure);
      if (current) {
        setDetail(current);
        setConflict(change);
      } else {
        setError(failure);
      }
      return false;
    } finally {
      setSaving(false);
    }
  }

  return {
    apply,
    saving,
    error,
    conflict,
    reapply: () => (conflict ? apply(conflict, detail.version) : Promise.resolve(false)),
    discard: () => setConflict(null),
  };
}
