import type { z } from 'zod';
import { advisoryDueWork } from '@shared/advisories/due-work.js';
import { incidentDueWork } from '@shared/incidents/due-work.js';
import { liaisonDueWork } from '@shared/liaison/due-work.js';
import { repatriationDueWork } from '@shared/repatriation/due-work.js';
import { mergeCatalogues } from '@shared/catalogues.js';

/**
 * The due-work catalogue: every kind of work that falls due at a time and the payload it
 * carries, composed from each feature's `shared/<feature>/due-work.ts`. The server's
 * `dueWork.register(kind, handler)` and `dueWork.schedule(tx, { kind, payload })` are typed by
 * it; rows in the database name these kinds: add, never rename.
 */
export const dueWorkKinds = mergeCatalogues(
  'due-work kind',
  incidentDueWork,
  advisoryDueWork,
  liaisonDueWork,
  repatriationDueWork,
);

export type DueWorkKind = keyof typeof dueWorkKinds;
export type DueWorkPayload<K extends DueWorkKind> = z.infer<(typeof dueWorkKinds)[K]['payload']>;

/** The catalogue's entry for a kind a row names, if this release knows it. */
export const dueWorkKindOf = (kind: string) =>
  Object.hasOwn(dueWorkKinds, kind) ? dueWorkKinds[kind as DueWorkKind] : undefined;
