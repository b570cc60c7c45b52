import { z } from 'zod';
import { areaFeature } from '@shared/reference/contract.js';

/**
 * What the areas feature announces (Plan of Action I, high-risk areas): to everyone, since
 * every officer sees the map. Kinds and fields: add, never rename.
 */
export const areaEventPayloads = {
  'area.created': z.object({ areaId: z.string(), area: areaFeature }),
  'area.updated': z.object({ areaId: z.string(), area: areaFeature }),
  'area.deleted': z.object({ areaId: z.string() }),
} as const;
