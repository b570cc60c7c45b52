import type { FeatureManifest } from '@client/lib/feature.js';
import { areasLiveBridge } from './live-bridge.js';

/**
 * High-risk areas (Plan of Action I: "map high-risk areas along the border"): the list every
 * officer reads and exports, and the supervisors' editor — draw, edit, import, delete. The map
 * draws them through the reference feature's overlay, whose cache this feature keeps current.
 */
export const areasManifest: FeatureManifest = {
  id: 'areas',
  routes: [
    {
      path: 'areas',
      permission: 'reference.read',
      page: () => import('./components/areas-page.js').then((m) => m.AreasPage),
    },
  ],
  navigation: [{ label: 'nav.areas', path: '/areas', permission: 'reference.read', order: 25 }],
  liveBridge: areasLiveBridge,
};
