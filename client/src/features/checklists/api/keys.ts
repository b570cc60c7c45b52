/** Query keys of the checklists feature: the live bridge and the api modules agree on them here. */
export const checklistKeys = {
  ofIncident: (incidentId: string) => ['checklists', 'incident', incidentId] as const,
};
