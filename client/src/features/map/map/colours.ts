/** Overlay palette (no imports, so browser tests can find markers by colour). */
export const portColour = '#c2255c';
export const severityColours = { low: '#868e96', medium: '#f59f00', high: '#e8590c', critical: '#c92a2a' } as const;
export const stationColours = { grupo_beta: '#f76707', border_patrol_sector: '#2b8a3e' } as const;
