import { z } from 'zod';

/** What the signed-in client needs from the deployment (GET /api/config). */
export const clientConfig = z.object({
  /** An online MapLibre style; null means the offline basemap bundled with the client. */
  mapStyleUrl: z.string().nullable(),
  ackDeadlineMinutes: z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
});
export type ClientConfig = z.infer<typeof clientConfig>;
