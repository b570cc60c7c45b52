import type { Page } from 'playwright-core';

type Rgb = readonly [number, number, number];

export interface PixelReport {
  width: number;
  height: number;
  /** Share of pixels that differ from the background colour. */
  nonBackgroundShare: number;
  /** Distinct colours after quantising to 32 levels per channel. */
  distinctColours: number;
  /** Centres of blobs of the target colour, in screenshot pixels. */
  targetCentres: Array<{ x: number; y: number }>;
}

/** The browser APIs the page-side callback uses (the root tsconfig has no DOM library). */
interface PageGlobals {
  createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => {
    getContext(kind: '2d'): {
      drawImage(image: unknown, x: number, y: number): void;
      getImageData(
        x: number,
        y: number,
        width: number,
        height: number,
      ): { data: Uint8ClampedArray; width: number; height: number };
    } | null;
  };
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Decodes a PNG screenshot with the browser's own decoder (no PNG library needed) and
 * measures it: how much is not background, how varied it is, and where a marker colour is.
 */
export function analysePng(
  page: Page,
  png: Buffer,
  background: Rgb,
  target: Rgb,
  exclude: Array<{ x: number; y: number; width: number; height: number }>,
): Promise<PixelReport> {
  return page.evaluate(
    async ({ base64, background, target, exclude }) => {
      const page = globalThis as unknown as PageGlobals;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await page.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new page.OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const near = (i: number, c: readonly number[], tolerance: number) =>
        Math.abs(data[i]! - c[0]!) <= tolerance &&
        Math.abs(data[i + 1]! - c[1]!) <= tolerance &&
        Math.abs(data[i + 2]! - c[2]!) <= tolerance;
      const excluded = (x: number, y: number) =>
        exclude.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);

      let nonBackground = 0;
      const colours = new Set<number>();
      const hits: Array<{ x: number; y: number }> = [];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (!near(i, background, 6)) nonBackground++;
          colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
          if (near(i, target, 12) && !excluded(x, y)) hits.push({ x, y });
        }
      }
      // Group hits into blobs (a marker is a few pixels across) and take each blob's centre.
      const centres: Array<{ x: number; y: number; n: number }> = [];
      for (const hit of hits) {
        const blob = centres.find((c) => Math.abs(c.x / c.n - hit.x) <= 6 && Math.abs(c.y / c.n - hit.y) <= 6);
        if (blob) {
          blob.x += hit.x;
          blob.y += hit.y;
          blob.n++;
        } else centres.push({ x: hit.x, y: hit.y, n: 1 });
      }
      return {
        width,
        height,
        nonBackgroundShare: nonBackground / (width * height),
        distinctColours: colours.size,
        targetCentres: centres.filter((c) => c.n >= 6).map((c) => ({ x: c.x / c.n, y: c.y / c.n })),
      };
    },
    { base64: png.toString('base64'), background, target, exclude },
  );
}

/** The share of pixels that differ (by more than `tolerance` in a channel) between two screenshots of one size. */
export function differingShare(page: Page, before: Buffer, after: Buffer, tolerance = 24): Promise<number> {
  return page.evaluate(
    async ({ pngs, tolerance }) => {
      const page = globalThis as unknown as PageGlobals;
      const [a, b] = await Promise.all(
        pngs.map(async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const bitmap = await page.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const context = new page.OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        }),
      );
      let differing = 0;
      for (let i = 0; i < a!.length; i += 4) {
        if ([0, 1, 2].some((c) => Math.abs(a![i + c]! - b![i + c]!) > tolerance)) differing++;
      }
      return differing / (a!.length / 4);
    },
    { pngs: [before.toString('base64'), after.toString('base64')], tolerance },
  );
}
