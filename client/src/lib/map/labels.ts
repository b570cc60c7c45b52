import type { ExpressionSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { Language } from '@shared/i18n/index.js';

/**
 * Names drawn on the map in the reader's language. MapView keeps this global-state property
 * at the console's language, so a switch renames every label in place (a new style would
 * drop the overlays' layers).
 */
export const LANGUAGE_STATE = 'language';

/** The feature's `name_<language>` where it has one (Nuevo México, Río Bravo), else its `name`. */
export const nameInLanguage: ExpressionSpecification = [
  'coalesce',
  ['get', ['concat', 'name_', ['global-state', LANGUAGE_STATE]]],
  ['get', 'name'],
];

/** The style's declaration of the property, with the language the map opens in. */
export const languageState = (language: Language) => ({ [LANGUAGE_STATE]: { default: language } });

/**
 * The basemap's fonts: the app serves them (basemap.ts `font-faces`), so overlay labels
 * drawn with them need no glyph server and work offline.
 */
export const LABEL_FONTS = { regular: 'Noto Sans Regular', italic: 'Noto Sans Italic', bold: 'Noto Sans Bold' };

/** A white halo keeps a name readable over land, water and shaded areas alike. */
export const labelHalo = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 } as const;

/**
 * The lowest layer of names on the map: shapes added later (a density layer) go beneath it,
 * so they never cover a name. Counts drawn on markers (`text-ignore-placement`) are not names.
 */
export function firstLabelLayer(map: MaplibreMap): string | undefined {
  return map
    .getLayersOrder()
    .find(
      (id) =>
        map.getLayer(id)?.type === 'symbol' &&
        map.getLayoutProperty(id, 'text-field') !== undefined &&
        !map.getLayoutProperty(id, 'text-ignore-placement'),
    );
}
