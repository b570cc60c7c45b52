/** Query keys of the search-and-rescue feature: the api modules and the live bridge agree on them here. */
export const sarKeys = {
  operation: (incidentId: string) => ['sar', 'operation', incidentId] as const,
};
