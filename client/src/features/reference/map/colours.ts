/** Reference overlay palette (no imports, so browser tests can find markers by colour). */
export const portColour = '#c2255c';
export const stationColours = { grupo_beta: '#f76707', border_patrol_sector: '#2b8a3e' } as const;
export const areaColours = { moderate: '#fcc419', high: '#f08c00', extreme: '#e03131' } as const;
