import { afterEach, describe, expect, it, vi } from 'vitest';
import { provideIncidentIcons } from '@client/features/incidents/map/icons.js';

/**
 * MapLibre answers a tile's request for images before it fires `styleimagemissing`: an image
 * added from that event missed the tile that asked (the bench's live drowning near Tijuana was
 * in the source but never drawn). A missing-image resolver is awaited before the answer, so the
 * image must be on the map by the time the resolver returns.
 */
describe('incident marker images', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are added by the resolver the map awaits, before the tile gets its images', async () => {
    // jsdom has no 2D canvas: a context whose drawing calls do nothing is enough to make an image.
    const context = new Proxy(
      { getImageData: () => ({ width: 44, height: 44, data: new Uint8ClampedArray(44 * 44 * 4) }) },
      { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined) },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
    const images = new Map<string, unknown>();
    let resolver: ((id: string) => void | Promise<void>) | null = null;
    const map = {
      hasImage: (id: string) => images.has(id),
      addImage: (id: string, image: unknown) => void images.set(id, image),
      setMissingStyleImageResolver(r: typeof resolver) {
        resolver = r;
        return this;
      },
    };
    const stop = provideIncidentIcons(map as never);

    await resolver!('incident-cross-critical');
    expect(images.has('incident-cross-critical')).toBe(true);
    // Other overlays' images are not the incidents' to draw.
    await resolver!('port-open');
    expect(images.has('port-open')).toBe(false);

    stop();
    expect(resolver).toBeNull();
  });
});
