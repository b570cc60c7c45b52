import { defineMessages } from '@shared/i18n/define.js';

/** High-risk areas (Plan of Action I): the supervisors' editor, import and export. English and Spanish side by side. */
export const areaMessages = defineMessages({
  'areaImport.doctype': {
    en: 'the file declares a DOCTYPE or entities, which KML never needs; it was not read',
    es: 'el archivo declara un DOCTYPE o entidades, que KML nunca necesita; no se leyó',
  },
  'areaImport.malformed': { en: 'the file is not well-formed: {reason}', es: 'el archivo está mal formado: {reason}' },
  'areaImport.notKml': {
    en: 'the file is not KML: its root element is not <kml>',
    es: 'el archivo no es KML: su elemento raíz no es <kml>',
  },
  'areaImport.notGeoJson': {
    en: 'the file is not GeoJSON: expected a FeatureCollection, a Feature or a Polygon',
    es: 'el archivo no es GeoJSON: se esperaba un FeatureCollection, un Feature o un Polygon',
  },
  'areaImport.noAreas': {
    en: 'the file holds no polygons: only polygons become high-risk areas',
    es: 'el archivo no contiene polígonos: solo los polígonos se convierten en zonas de alto riesgo',
  },
  'areaImport.tooMany': {
    en: 'the file holds {count} polygons; one import takes at most {maximum}',
    es: 'el archivo contiene {count} polígonos; una importación admite como máximo {maximum}',
  },
  'areaImport.feature': { en: '“{name}”: {reason}', es: '«{name}»: {reason}' },
  'areaImport.contentType': {
    en: 'send the file as application/geo+json (GeoJSON) or application/vnd.google-earth.kml+xml (KML)',
    es: 'envíe el archivo como application/geo+json (GeoJSON) o application/vnd.google-earth.kml+xml (KML)',
  },
  'areaImport.unnamed': { en: 'Imported area {number}', es: 'Zona importada {number}' },
});
