import type { FeatureManifest } from '@client/lib/feature.js';
import { SignInPage } from './components/sign-in-page.js';

/** Signing in (the session itself is core: `lib/session.tsx`). */
export const authManifest: FeatureManifest = {
  id: 'auth',
  signedOutPage: SignInPage,
};
