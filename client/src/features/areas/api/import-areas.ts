import { useMutation, useQueryClient } from '@tanstack/react-query';
import { GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE } from '@shared/areas/contract.js';
import { areaEndpoints } from '@shared/areas/endpoints.js';
import type { RiskLevel } from '@shared/reference/contract.js';
import { call } from '@client/lib/api-client.js';
import { areasQuery } from '@client/features/reference/index.js';

/** The content type the server reads a file by: KML by its extension, anything else as GeoJSON. */
const contentTypeOf = (file: File) => (/\.kml$/i.test(file.name) ? KML_CONTENT_TYPE : GEOJSON_CONTENT_TYPE);

export interface AreaImport {
  file: File;
  language: 'en' | 'es';
  riskLevel: RiskLevel;
}

/** POST /api/areas/import with the file as the body (not JSON): all its areas, or none. */
export function useImportAreas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, language, riskLevel }: AreaImport) =>
      call(areaEndpoints.import, { query: { language, riskLevel }, body: await file.text() }, contentTypeOf(file)),
    // The live events place each area too; the import's own answer carries only ids.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: areasQuery.queryKey, exact: true }),
  });
}
