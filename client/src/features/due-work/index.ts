import type { FeatureManifest } from '@client/lib/feature.js';
import { dueWorkLiveBridge } from './live-bridge.js';

/** Work set aside by the due-work runner (escalations, expiries, deadlines that kept failing), for administrators. */
export const dueWorkManifest: FeatureManifest = {
  id: 'due-work',
  routes: [
    {
      path: 'due-work',
      permission: 'dueWork.manage',
      page: () => import('./components/set-aside-page.js').then((m) => m.SetAsidePage),
    },
  ],
  navigation: [{ label: 'nav.dueWork', path: '/due-work', permission: 'dueWork.manage', order: 90 }],
  liveBridge: dueWorkLiveBridge,
};
