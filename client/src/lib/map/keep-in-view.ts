import type { Map as MaplibreMap } from 'maplibre-gl';

/** Room at each edge of the map that panels floating over it cover, in pixels. */
export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A popup's tip and the padding round its content. */
const CHROME_PX = 48;

/**
 * Keeps `element` (an open popup) inside the map, clear of the panels over it, as its content
 * loads and grows: MapLibre places a popup beside its point whatever its size, so a tall one
 * near an edge would be cut off. The popup is capped at the free room's height
 * (`--popup-room`, read by styles.css) and scrolls inside; a map on its way somewhere (a
 * search's flight) is let arrive first. Returns the stop function.
 */
export function keepInView(map: MaplibreMap, element: HTMLElement, insets: Insets, margin = 8): () => void {
  const room = map.getContainer().clientHeight - insets.top - insets.bottom - 2 * margin - CHROME_PX;
  element.style.setProperty('--popup-room', `${Math.max(room, 120)}px`);
  const fit = () => {
    if (map.isMoving()) {
      map.once('moveend', fit);
      return;
    }
    panIntoView(map, element, insets, margin);
  };
  const observer = new ResizeObserver(() => {
    map.off('moveend', fit);
    fit();
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    map.off('moveend', fit);
  };
}

function panIntoView(map: MaplibreMap, element: HTMLElement, insets: Insets, margin: number): void {
  const box = element.getBoundingClientRect();
  const frame = map.getContainer().getBoundingClientRect();
  const [left, right] = [frame.left + insets.left + margin, frame.right - insets.right - margin];
  const [top, bottom] = [frame.top + insets.top + margin, frame.bottom - insets.bottom - margin];
  // Past both edges (a popup wider than the free room), its start wins: the title and the close button.
  const dx = box.left < left ? box.left - left : box.right > right ? Math.min(box.right - right, box.left - left) : 0;
  const dy = box.top < top ? box.top - top : box.bottom > bottom ? Math.min(box.bottom - bottom, box.top - top) : 0;
  if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) map.panBy([dx, dy], { duration: 200 });
}
