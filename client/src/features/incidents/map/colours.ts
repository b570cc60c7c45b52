/** Incident markers by severity (no imports, so browser tests can find markers by colour). */
export const severityColours = { low: '#868e96', medium: '#f59f00', high: '#e8590c', critical: '#c92a2a' } as const;
