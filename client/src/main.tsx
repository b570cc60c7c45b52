import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { DEFAULT_PATH } from './app/features.js';
import { loadBasemap } from './lib/map/basemap.js';
import './styles.css';

// Opening on the map (the default page, also for `#/` and no hash), its basemap (public geography,
// no session needed) loads while the session is checked and the page's code loads, instead of
// after them: the map is created that much sooner.
const opening = location.hash.replace(/^#/, '').split('?')[0]!.replace(/^\/?$/, DEFAULT_PATH);
if (opening === DEFAULT_PATH) loadBasemap().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
