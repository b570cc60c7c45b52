import { useMutation, useQueryClient } from '@tanstack/react-query';
import { GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE, type AreaImportResult } from '@shared/areas/contract.js';
import type { ErrorBody } from '@shared/errors.js';
import type { RiskLevel } from '@shared/reference/contract.js';
import { ApiError, query } from '@client/lib/api-client.js';
import { areasQuery } from '@client/features/reference/index.js';

/** The content type the server reads a file by: KML by its extension, anything else as GeoJSON. */
export const contentTypeOf = (file: File) => (/\.kml$/i.test(file.name) ? KML_CONTENT_TYPE : GEOJSON_CONTENT_TYPE);

export interface AreaImport {
  file: File;
  language: 'en' | 'es';
  riskLevel: RiskLevel;
}

/** POST /api/areas/import with the file as the body (not JSON); errors come back as the same `ErrorBody`. */
async function importAreas({ file, language, riskLevel }: AreaImport): Promise<AreaImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/areas/import${query({ language, riskLevel })}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': contentTypeOf(file) },
      body: await file.text(),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, (payload as ErrorBody | null) ?? null);
  return payload as AreaImportResult;
}

export function useImportAreas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAreas,
    // The live events place each area too; the import's own answer carries only ids.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: areasQuery.queryKey, exact: true }),
  });
}
