import { z } from 'zod';
import { defineDueWork } from '@shared/due-work/define.js';

/** The advisories feature's due work (server/features/advisories/jobs.ts). */
export const advisoryDueWork = defineDueWork({
  'advisory.expiry': {
    payload: z.object({}),
    label: { en: "An advisory's end at its expiry", es: 'El fin de un aviso al vencer su vigencia' },
  },
});
