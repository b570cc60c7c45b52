import { z } from 'zod';
import { defineDueWork } from '@shared/due-work/define.js';

/** The incident feature's due work (server/features/incidents/jobs.ts). */
export const incidentDueWork = defineDueWork({
  /** Plan of Action V: an alert escalates to the central desks unless acknowledged by its deadline. */
  'incident.escalation': {
    payload: z.object({ alertId: z.string() }),
    label: {
      en: "An alert's escalation to the central desks at its acknowledgement deadline",
      es: 'El escalamiento de una alerta a las mesas centrales al vencer su plazo de acuse',
    },
  },
});
