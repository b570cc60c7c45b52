import { z } from 'zod';
import { port } from './contract.js';

/**
 * What the reference feature announces: a port's status changed (Plan of Action V, emergencies
 * at crossing points). It goes to everyone: every side of the border needs to know.
 */
export const referenceEventPayloads = {
  'port.status': z.object({ portId: z.string(), port }),
} as const;
