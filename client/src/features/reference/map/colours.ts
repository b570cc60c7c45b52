/**
 * Reference overlay palette (no imports, so browser tests can find markers by colour). Hues
 * stay clear of the red–orange–yellow range that incident severity uses, and of each other:
 * ports cyan, Grupo Beta green, Border Patrol indigo, high-risk areas purple.
 */
export const portColours = {
  /** Open: a filled cyan dot. Restricted: a white dot ringed in cyan. Closed: a black dot ringed in cyan. */
  open: '#0c8599',
  restrictedFill: '#ffffff',
  closedFill: '#212529',
} as const;
/** The colour that finds a port on the map whatever its status (its fill or its ring). */
export const portColour = portColours.open;
export const stationColours = { grupo_beta: '#2b8a3e', border_patrol_sector: '#3b5bdb' } as const;
export const areaColours = { high: '#be4bdb', extreme: '#862e9c' } as const;
