import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ErrorBody } from '@shared/errors.js';
import type { ImportedAdvisory } from '@shared/advisories/contract.js';
import { ApiError } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/**
 * POST /api/advisories/import-cap with the XML as it is (`application/xml`), which the JSON
 * api client doesn't send; errors come back as the same `ErrorBody`.
 */
async function importCap(xml: string): Promise<ImportedAdvisory> {
  let response: Response;
  try {
    response = await fetch('/api/advisories/import-cap', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/xml' },
      body: xml,
    });
  } catch {
    throw new ApiError(0, null);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, (payload as ErrorBody | null) ?? null);
  return payload as ImportedAdvisory;
}

export function useImportCap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCap,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() }),
  });
}
