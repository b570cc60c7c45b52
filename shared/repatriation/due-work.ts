import { z } from 'zod';
import { defineDueWork } from '@shared/due-work/define.js';

/** The repatriation feature's due work (server/features/repatriation/jobs.ts). */
export const repatriationDueWork = defineDueWork({
  /** `at`: the movement's time when the deadline was set; a movement moved since has a deadline of its own. */
  'repatriation.notice-deadline': {
    payload: z.object({ at: z.string() }),
    label: {
      en: "A movement's consular-notice deadline",
      es: 'El plazo de la notificación consular de un movimiento',
    },
  },
});
