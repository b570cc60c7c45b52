import { describe, expect, it } from 'vitest';
import { expression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { mapOverlays } from '@client/app/features.js';
import { growthLayer } from '@client/features/incidents/map/layers.js';
import { basemapLayers } from '@client/lib/map/basemap.js';
import { withSharedProgram } from '@client/lib/map/shared-programs.js';

/**
 * Without a GPU each WebGL program a map compiles holds its first full frame back 100–200 ms
 * (shared-programs.ts). MapLibre compiles one per layer type and per way its data-driven paint
 * properties are given; the style spec's own parser says which way each is.
 */
type Paint = Record<string, unknown>;
/** The style spec's paint properties of a layer type. */
const paintSpecs = (type: string) =>
  (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`]!;

const parse = (type: string, property: string, value: unknown) => {
  const spec = paintSpecs(type)[property]!;
  return expression.normalizePropertyExpression(value ?? spec.default, property, spec, {});
};

/** The program a layer's paint asks for, as MapLibre keys it: u = the same for all, a = per feature, z = per zoom and feature. */
function programOf(layer: { type: string; paint?: object }): string {
  const ways = Object.entries(paintSpecs(layer.type))
    .filter(([, spec]) => String((spec as { 'property-type'?: string })['property-type']).includes('data-driven'))
    .map(([property]) => {
      const paint = (layer.paint ?? {}) as Paint;
      // Left out, a fill's outline is drawn in its fill's colour, given the same way.
      const value = paint[property] ?? (property === 'fill-outline-color' ? paint['fill-color'] : undefined);
      const kind = parse(layer.type, property, value).kind;
      return `${kind === 'source' ? 'a' : kind === 'composite' ? 'z' : 'u'}_${property}`;
    });
  return `${layer.type}${'line-dasharray' in ((layer.paint as Paint) ?? {}) ? ' dashed' : ''}: ${ways.join(' ')}`;
}

/** Every layer of the operations map as declared: the basemap's, the overlays', the comparison's cells. */
const declared: LayerSpecification[] = [
  ...basemapLayers(),
  ...mapOverlays.flatMap((overlay) => overlay.layers.map(({ spec }) => spec as LayerSpecification)),
  growthLayer,
];

describe('the operations map compiles one WebGL program per kind of layer', () => {
  it('gives every data-driven paint property the same way on every layer of a type', () => {
    const programs = new Map<string, Set<string>>();
    for (const layer of declared) {
      const key = programOf(withSharedProgram(layer));
      const kind = key.slice(0, key.indexOf(':'));
      programs.set(kind, new Set([...(programs.get(kind) ?? []), key]));
    }
    for (const [kind, keys] of programs) expect([...keys], kind).toHaveLength(1);
    // Every kind the map draws is there (the check above is not vacuous), and no more: the sea is a
    // fill and a solid line one unbroken dash, so neither compiles a program of its own.
    expect([...programs.keys()].sort()).toEqual(['circle', 'fill', 'line dashed', 'symbol']);
  });

  it('draws every layer as declared: each value per feature evaluates as the original at every zoom', () => {
    // Each with every property the layers read, so no expression falls back for want of one.
    const features = [
      {
        type: 'Point',
        properties: {
          riskLevel: 'high',
          status: 'open',
          kind: 'grupo_beta',
          point_count: 12,
          growth: 1,
          exercise: false,
          severity: 'low',
        },
      },
      {
        type: 'Point',
        properties: {
          riskLevel: 'extreme',
          status: 'closed',
          kind: 'ICM',
          point_count: 1500,
          growth: 20,
          exercise: true,
          severity: 'critical',
        },
      },
      {
        type: 'Polygon',
        properties: {
          riskLevel: 'moderate',
          status: 'restricted',
          kind: 'BLM',
          point_count: 150,
          growth: 8,
          exercise: false,
          severity: 'extreme',
        },
      },
    ] as const;
    let compared = 0;
    for (const original of declared) {
      const shared = withSharedProgram(original);
      for (const [property, value] of Object.entries((shared as { paint?: Paint }).paint ?? {})) {
        const declaredValue = (original as { paint?: Paint }).paint?.[property];
        // A solid line, declared with no dashes, is drawn as one unbroken dash.
        const before = parse(
          original.type,
          property,
          declaredValue ?? (property === 'line-dasharray' ? [1, 0] : undefined),
        );
        const after = parse(original.type, property, value);
        for (const zoom of [3, 4.5, 7, 9.3, 12, 16])
          for (const feature of features) {
            const globals = { zoom, globalState: {} };
            expect(after.evaluate(globals, feature as never), `${original.id} ${property} z${zoom}`).toEqual(
              before.evaluate(globals, feature as never),
            );
            compared++;
          }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
