import type { AdvisorySeverity } from '@shared/advisories/contract.js';

/**
 * Advisory colours by severity (CAP's four): a pink to crimson ramp, as weather services draw
 * heat warnings, kept clear of incident severity's red–orange–yellow and of the high-risk
 * areas' purple so the map's legend never means two things by one colour.
 */
export const advisoryColours: Record<AdvisorySeverity, string> = {
  minor: '#fcc2d7',
  moderate: '#f783ac',
  severe: '#e64980',
  extreme: '#a61e4d',
};
