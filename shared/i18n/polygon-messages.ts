import { defineMessages } from './define.js';

/**
 * Drawing an outline on a map (client/src/components/polygon-draw-map.tsx) and the reasons an
 * outline is refused (shared/polygon.ts), wherever polygons are drawn or imported: high-risk
 * areas, advisories, search sectors. English and Spanish side by side.
 */
export const polygonMessages = defineMessages({
  'polygon.empty': { en: 'the outline has no positions', es: 'el contorno no tiene posiciones' },
  'polygon.tooMany': {
    en: 'the outline has {count} positions; at most {limit} are accepted here',
    es: 'el contorno tiene {count} posiciones; aquí se aceptan como máximo {limit}',
  },
  'polygon.tooFew': {
    en: 'ring {ring} has {count} positions; a ring needs at least 4 (three corners and the first repeated at the end)',
    es: 'el anillo {ring} tiene {count} posiciones; un anillo necesita al menos 4 (tres vértices y el primero repetido al final)',
  },
  'polygon.open': {
    en: 'ring {ring} is open: its last position must repeat its first',
    es: 'el anillo {ring} está abierto: su última posición debe repetir la primera',
  },
  'polygon.outOfRange': {
    en: 'position {position} of ring {ring} ({lon}, {lat}) is off the Earth: longitude must be −180 to 180 and latitude −90 to 90',
    es: 'la posición {position} del anillo {ring} ({lon}, {lat}) está fuera de la Tierra: la longitud va de −180 a 180 y la latitud de −90 a 90',
  },
  'polygon.noArea': {
    en: 'ring {ring} encloses no area: its positions lie on one line',
    es: 'el anillo {ring} no encierra ninguna superficie: sus posiciones están en una línea',
  },
  'polygon.crosses': {
    en: 'the outline crosses itself near latitude {lat}, longitude {lon}',
    es: 'el contorno se cruza consigo mismo cerca de latitud {lat}, longitud {lon}',
  },
  'polygon.draw.instructions': {
    en: 'Click the map to place corners; click the first corner (or “Close outline”) to finish. Drag a corner to move it.',
    es: 'Haga clic en el mapa para colocar vértices; haga clic en el primero (o en “Cerrar contorno”) para terminar. Arrastre un vértice para moverlo.',
  },
  'polygon.draw.close': { en: 'Close outline', es: 'Cerrar contorno' },
  'polygon.draw.undo': { en: 'Undo last corner', es: 'Deshacer último vértice' },
  'polygon.draw.clear': { en: 'Clear outline', es: 'Borrar contorno' },
  'polygon.draw.vertex': { en: 'Corner {number}', es: 'Vértice {number}' },
  'polygon.draw.status': {
    en: { one: 'Drawing: {count} corner placed', other: 'Drawing: {count} corners placed' },
    es: { one: 'Dibujando: {count} vértice colocado', other: 'Dibujando: {count} vértices colocados' },
  },
  'polygon.draw.closed': {
    en: { one: 'Outline closed with {count} corner', other: 'Outline closed with {count} corners' },
    es: { one: 'Contorno cerrado con {count} vértice', other: 'Contorno cerrado con {count} vértices' },
  },
  'polygon.draw.none': { en: 'No outline yet', es: 'Aún no hay contorno' },
  'polygon.paste.label': {
    en: 'Outline as GeoJSON (a Polygon, or a Feature holding one)',
    es: 'Contorno en GeoJSON (un Polygon, o un Feature que lo contenga)',
  },
  'polygon.paste.apply': { en: 'Use this GeoJSON', es: 'Usar este GeoJSON' },
  'polygon.paste.notJson': { en: 'This is not valid JSON.', es: 'Esto no es JSON válido.' },
  'polygon.paste.notPolygon': {
    en: 'This JSON holds no GeoJSON Polygon.',
    es: 'Este JSON no contiene ningún Polygon de GeoJSON.',
  },
});
