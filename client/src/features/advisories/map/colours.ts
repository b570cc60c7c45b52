import type { AdvisorySeverity } from '@shared/advisories/contract.js';

/** Advisory colours by severity (CAP's four), warm to match heat and fire. */
export const advisoryColours: Record<AdvisorySeverity, string> = {
  minor: '#fab005',
  moderate: '#fd7e14',
  severe: '#e8590c',
  extreme: '#862e9c',
};
