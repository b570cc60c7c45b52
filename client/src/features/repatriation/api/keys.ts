/** A range of instants, as the list endpoints take it. */
export interface Range {
  from: string;
  to: string;
}

export interface MovementsFilter extends Range {
  port?: string;
}

/** Query keys of the repatriation feature: the live bridge and the api modules agree on them here. */
export const repatriationKeys = {
  arrangements: () => ['repatriation', 'arrangements'] as const,
  /** Every cached windows list, whatever its port and range. */
  allWindows: () => ['repatriation', 'windows'] as const,
  windows: (filter: Range & { port: string }) => ['repatriation', 'windows', filter] as const,
  /** Every port's windows over a day from the hour `from` (the map's "window open now"). */
  windowsAround: (from: string) => ['repatriation', 'windows', 'all', from] as const,
  /** Every cached movements list. */
  movementLists: () => ['repatriation', 'movements'] as const,
  movements: (filter: MovementsFilter) => ['repatriation', 'movements', filter] as const,
  movement: (id: string) => ['repatriation', 'movement', id] as const,
};
