import { advisoriesManifest } from '@client/features/advisories/index.js';
import { areasManifest } from '@client/features/areas/index.js';
import { authManifest } from '@client/features/auth/index.js';
import { checklistsManifest } from '@client/features/checklists/index.js';
import { dueWorkManifest } from '@client/features/due-work/index.js';
import { incidentsManifest } from '@client/features/incidents/index.js';
import { liaisonManifest } from '@client/features/liaison/index.js';
import { referenceManifest } from '@client/features/reference/index.js';
import { repatriationManifest } from '@client/features/repatriation/index.js';
import { reportsManifest } from '@client/features/reports/index.js';
import { sarManifest } from '@client/features/sar/index.js';
import type { FeatureManifest, NavigationEntry } from '@client/lib/feature.js';
import { incidentSlotsOf } from '@client/lib/incident-slots.js';

/** Every feature of the console. A new feature is one more line here. */
export const features: readonly FeatureManifest[] = [
  authManifest,
  referenceManifest,
  incidentsManifest,
  repatriationManifest,
  liaisonManifest,
  advisoriesManifest,
  areasManifest,
  checklistsManifest,
  sarManifest,
  dueWorkManifest,
  reportsManifest,
];

/** The app's own pages: the map host, which draws every feature's overlays. */
export const hostNavigation: readonly NavigationEntry[] = [
  { label: 'nav.map', path: '/map', permission: null, order: 20 },
];

/** Features of later issues, shown disabled as "coming soon" until their manifest lands here. */
export const comingSoon: readonly NavigationEntry[] = [];

export const navigation: readonly NavigationEntry[] = [
  ...hostNavigation,
  ...features.flatMap((feature) => feature.navigation ?? []),
  ...comingSoon,
].sort((a, b) => a.order - b.order);

export const widgets = features.flatMap((feature) => feature.widgets ?? []);
export const mapOverlays = features.flatMap((feature) => feature.mapOverlays ?? []).sort((a, b) => a.order - b.order);
export const liveBridges = features.flatMap((feature) => (feature.liveBridge ? [feature.liveBridge] : []));
export const routes = features.flatMap((feature) => feature.routes ?? []);
export const incidentSlots = incidentSlotsOf(features);
