/**
 * The report's chart colours, from the console's hue families (docs/architecture-client.md):
 * incidents teal with deaths near-black, ports orange; response times a blue pair (dark
 * median over a light 90th percentile). Each reads apart in grey print.
 */
export const chartColours = {
  incidents: '#0f766e',
  deaths: '#1f2933',
  median: '#1d4ed8',
  p90: '#93c5fd',
  repatriations: '#c2410c',
} as const;
