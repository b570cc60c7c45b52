import { z } from 'zod';
import { defineDueWork } from '@shared/due-work/define.js';

/**
 * One link of a mechanism's coverage-gap warning chain: the roster version it was computed for
 * (a roster change starts a new chain) and the gap it warns of (none: a re-check).
 */
export const gapWarningPayload = z.object({ version: z.number().int(), gapStart: z.string().optional() });
export type GapWarningPayload = z.infer<typeof gapWarningPayload>;

/** The liaison feature's due work (server/features/liaison/jobs.ts). */
export const liaisonDueWork = defineDueWork({
  'liaison.coverage-gap': {
    payload: gapWarningPayload,
    label: {
      en: "A warning of a coming coverage gap in a mechanism's roster",
      es: 'Un aviso de un próximo hueco de cobertura en la guardia de un mecanismo',
    },
  },
});
