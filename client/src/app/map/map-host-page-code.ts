/** The map page's code: asked for by its route, and sooner by early-start.ts when the app opens on it. */
export const loadMapHostPage = () => import('./map-host-page.js').then((m) => m.MapHostPage);
