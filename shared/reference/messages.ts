import { defineMessages } from '@shared/i18n/define.js';

/** The border map and its reference geography: ports, mechanisms, areas, stations. English and Spanish side by side. */
export const referenceMessages = defineMessages({
  'map.title': { en: 'Border map', es: 'Mapa fronterizo' },
  'map.legend': { en: 'Layers', es: 'Capas' },
  'map.inView': {
    en: { one: '{count} feature in view', other: '{count} features in view' },
    es: { one: '{count} elemento a la vista', other: '{count} elementos a la vista' },
  },
  'map.inViewEmpty': {
    en: 'Nothing in view: zoom out or move the map.',
    es: 'Nada a la vista: aleje o mueva el mapa.',
  },
  'map.inViewMore': {
    en: 'The first {count} are listed: zoom in to list the rest.',
    es: 'Se listan los primeros {count}: acerque el mapa para listar el resto.',
  },
  'map.layer.areas': { en: 'High-risk areas', es: 'Zonas de alto riesgo' },
  'map.layer.mechanisms': { en: 'Border Liaison Mechanisms', es: 'Mecanismos de Enlace Fronterizo' },
  'map.layer.ports': { en: 'Ports of entry', es: 'Puertos de entrada' },
  'map.layer.stations': { en: 'Grupo Beta and Border Patrol', es: 'Grupo Beta y Patrulla Fronteriza' },
  'map.layer.incidents': { en: 'Incidents', es: 'Incidentes' },
  'map.port': { en: 'Port of entry', es: 'Puerto de entrada' },
  'map.portStatus.open': { en: 'open', es: 'abierto' },
  'map.portStatus.restricted': { en: 'restricted', es: 'restringido' },
  'map.portStatus.closed': { en: 'closed', es: 'cerrado' },
  'map.status': { en: 'Status', es: 'Estado' },
  'map.timeZones': { en: 'Time zones', es: 'Husos horarios' },
  'map.area': { en: 'High-risk area', es: 'Zona de alto riesgo' },
  'map.hazard': { en: 'Hazard', es: 'Peligro' },
  'map.season': { en: 'Season', es: 'Temporada' },
  'map.risk.high': { en: 'high risk', es: 'riesgo alto' },
  'map.risk.extreme': { en: 'extreme risk', es: 'riesgo extremo' },
  'map.station.grupo_beta': { en: 'Grupo Beta unit (INM)', es: 'Grupo Beta (INM)' },
  'map.station.border_patrol_sector': {
    en: 'U.S. Border Patrol sector',
    es: 'Sector de la Patrulla Fronteriza de EE. UU.',
  },
  'map.incident': { en: 'Incident', es: 'Incidente' },
  'map.openIncident': { en: 'Open incident', es: 'Abrir incidente' },
  'map.areaStats': { en: 'Statistics for this area', es: 'Estadísticas de esta zona' },
  // Why a port was restricted or closed (Plan of Action V, emergencies at crossing points).
  'portStatusReason.bomb_threat': { en: 'bomb threat', es: 'amenaza de bomba' },
  'portStatusReason.pursuit': { en: 'trans-border pursuit', es: 'persecución transfronteriza' },
  'portStatusReason.weather': { en: 'weather', es: 'clima' },
  'portStatusReason.other': { en: 'other reason', es: 'otro motivo' },
});
