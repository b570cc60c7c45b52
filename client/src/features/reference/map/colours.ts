/**
 * Reference overlay palette (no imports, so browser tests can find markers by colour). Each
 * hue means one thing on the map: ports orange, Grupo Beta green, Border Patrol indigo,
 * high-risk areas purple; incidents keep teal to near-black (features/incidents/map/colours.ts),
 * advisories pink, mechanisms blue outlines.
 */
export const portColours = {
  /** Open: a filled orange dot. Restricted: a white dot ringed in orange. Closed: a black dot ringed in orange. */
  open: '#e8590c',
  restrictedFill: '#ffffff',
  closedFill: '#212529',
} as const;
/** The colour that finds a port on the map whatever its status (its fill or its ring). */
export const portColour = portColours.open;
export const stationColours = { grupo_beta: '#2b8a3e', border_patrol_sector: '#3b5bdb' } as const;
/** Purple, lighter to darker with the risk. */
export const areaColours = { moderate: '#e599f7', high: '#be4bdb', extreme: '#862e9c' } as const;
