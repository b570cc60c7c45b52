import { lazy, Suspense, type ComponentProps } from 'react';

// The panel draws maps (MapLibre): loaded with the incident page that shows it, not with the
// app's manifests (the sign-in page doesn't pay for MapLibre).
const Panel = lazy(() => import('./sar-panel.js').then((m) => ({ default: m.SarPanel })));

/** The search-and-rescue panel, loaded when first shown. */
export function SarPanel(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
