import { useMutation, useQueryClient } from '@tanstack/react-query';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories/import-cap with the XML as it is (`application/xml`): a draft for the areas it crosses. */
export function useImportCap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (xml: string) => call(advisoryEndpoints.importCap, { body: xml }, 'application/xml'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() }),
  });
}
