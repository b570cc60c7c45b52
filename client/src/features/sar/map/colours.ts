import type { SectorStatus } from '@shared/sar/contract.js';

/** Sector status colours: still to search (orange), searched (blue), cleared (green). Labels say the status too. */
export const sectorColours: Record<SectorStatus, string> = {
  assigned: '#e8590c',
  searched: '#1c7ed6',
  cleared: '#2f9e44',
};
