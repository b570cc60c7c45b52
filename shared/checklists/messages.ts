import type { BilingualText } from '@shared/errors.js';
import { defineMessages } from '@shared/i18n/define.js';
import type { ChecklistKind, StepId } from './contract.js';

/** Checklists per emergency kind (Plan of Action V). English and Spanish side by side. */
export const checklistMessages = defineMessages({
  'checklists.title': { en: 'Checklists', es: 'Listas de verificación' },
  'checklists.defaultProcedure': {
    en: "The console's default procedure, drawn from the Plan of Action for Cooperation on Border Safety (2001), section V. Your agency's own orders prevail where they differ.",
    es: 'Procedimiento predeterminado de la consola, tomado del Plan de Acción para la Cooperación sobre Seguridad Fronteriza (2001), sección V. Las órdenes de su propia dependencia prevalecen donde difieran.',
  },
  'checklists.none': { en: 'No checklist started yet.', es: 'Aún no se ha iniciado ninguna lista.' },
  'checklists.start': { en: 'Start checklist', es: 'Iniciar lista' },
  'checklists.kindLabel': { en: 'Emergency', es: 'Emergencia' },
  'checklists.suggested': { en: '{kind} (suggested)', es: '{kind} (sugerida)' },
  'checklists.startedBy': { en: 'Started by {by}', es: 'Iniciada por {by}' },
  'checklists.progress': { en: '{done} of {total} done', es: '{done} de {total} hechos' },
  'checklists.tickedBy': { en: 'done by {by}', es: 'hecho por {by}' },
  'checklists.readOnly': { en: 'Read only', es: 'Solo lectura' },
  'checklists.cannotTick': {
    en: 'Only officers of the incident’s liaison mechanism, supervisors and the central desks can tick steps.',
    es: 'Solo los oficiales del mecanismo de enlace del incidente, los supervisores y las mesas centrales pueden marcar pasos.',
  },
  'checklistKind.bomb_threat': { en: 'Bomb threat', es: 'Amenaza de bomba' },
  'checklistKind.pursuit': { en: 'Trans-border pursuit', es: 'Persecución transfronteriza' },
  'checklistKind.wildfire': { en: 'Wildfire', es: 'Incendio forestal' },
  'checklistKind.flood': { en: 'Flood or rainstorm', es: 'Inundación o tormenta' },
  'checklistKind.heat_wave': { en: 'Heat wave', es: 'Ola de calor' },
  'checklistKind.snow_storm': { en: 'Snow storm', es: 'Tormenta de nieve' },
  'jurisdiction.US': { en: 'U.S. side', es: 'Lado estadounidense' },
  'jurisdiction.MX': { en: 'Mexican side', es: 'Lado mexicano' },
  'jurisdiction.both': { en: 'Both sides', es: 'Ambos lados' },
  'timeline.checklistStarted': { en: 'started the {kind} checklist', es: 'inició la lista «{kind}»' },
  'timeline.checklistTicked': { en: 'ticked a {kind} step', es: 'marcó un paso de «{kind}»' },
  'timeline.checklistUnticked': { en: 'unticked a {kind} step', es: 'desmarcó un paso de «{kind}»' },
  'checklistError.unknownStep': {
    en: 'is not a step of this checklist: {step}',
    es: 'no es un paso de esta lista: {step}',
  },
  'checklistError.notStarted': {
    en: 'This checklist has not been started on this incident.',
    es: 'Esta lista no se ha iniciado en este incidente.',
  },
  'checklistError.alreadyStarted': {
    en: 'This checklist is already started on this incident.',
    es: 'Esta lista ya está iniciada en este incidente.',
  },
  'checklistError.closed': {
    en: 'The incident is closed: its checklists are read-only.',
    es: 'El incidente está cerrado: sus listas son de solo lectura.',
  },
});

type StepTexts = { [K in ChecklistKind]: Record<StepId<K>, BilingualText> };

/** Each step of the default procedures (./contract.ts), in both languages. */
export const checklistStepTexts: StepTexts = {
  bomb_threat: {
    alert_other_side: {
      en: 'Alert the other side’s authorities at the crossing through the liaison mechanism.',
      es: 'Alertar a las autoridades del otro lado del cruce por medio del mecanismo de enlace.',
    },
    port_status: {
      en: 'Restrict or close the port on the ports board (reason: bomb threat).',
      es: 'Restringir o cerrar el puerto en el tablero de puertos (motivo: amenaza de bomba).',
    },
    evacuate_us: {
      en: 'Evacuate and cordon off the U.S. side of the crossing.',
      es: 'Evacuar y acordonar el lado estadounidense del cruce.',
    },
    evacuate_mx: {
      en: 'Evacuate and cordon off the Mexican side of the crossing.',
      es: 'Evacuar y acordonar el lado mexicano del cruce.',
    },
    search_own_side: {
      en: 'Each side’s bomb squad searches its own side of the line only.',
      es: 'El escuadrón antibombas de cada lado revisa solo su propio lado de la línea.',
    },
    inform_central: {
      en: 'Inform the central desks (Washington – Mexico City).',
      es: 'Informar a las mesas centrales (Washington – Ciudad de México).',
    },
    agree_reopening: {
      en: 'Agree the reopening with the other side, then reopen the port on the board.',
      es: 'Acordar la reapertura con el otro lado y reabrir el puerto en el tablero.',
    },
  },
  pursuit: {
    stop_at_line: {
      en: 'Pursuing officers stop at the international boundary: no crossing into the other country.',
      es: 'Los agentes que persiguen se detienen en el límite internacional: no cruzan al otro país.',
    },
    alert_other_side: {
      en: 'Give the other side the description, direction and time of the crossing through the liaison mechanism.',
      es: 'Dar al otro lado la descripción, dirección y hora del cruce por medio del mecanismo de enlace.',
    },
    port_status: {
      en: 'If at a crossing point, restrict or close it on the ports board (reason: trans-border pursuit).',
      es: 'Si ocurre en un cruce, restringirlo o cerrarlo en el tablero de puertos (motivo: persecución transfronteriza).',
    },
    us_side: {
      en: 'U.S. authorities take over the response on the U.S. side.',
      es: 'Las autoridades estadounidenses asumen la respuesta en el lado estadounidense.',
    },
    mx_side: {
      en: 'Mexican authorities take over the response on the Mexican side.',
      es: 'Las autoridades mexicanas asumen la respuesta en el lado mexicano.',
    },
    injured: {
      en: 'Attend to anyone injured: emergency services of the side where they are.',
      es: 'Atender a los lesionados: servicios de emergencia del lado donde se encuentren.',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of any Mexican national detained or injured.',
      es: 'Notificar al consulado de México de cualquier connacional detenido o lesionado.',
    },
    investigation: {
      en: 'Record the facts for the investigation (Mérida MOU follow-up).',
      es: 'Registrar los hechos para la investigación (seguimiento del Memorándum de Mérida).',
    },
  },
  wildfire: {
    alert_other_side: {
      en: 'Alert the other side through the liaison mechanism: location, direction, who is fighting it.',
      es: 'Alertar al otro lado por medio del mecanismo de enlace: ubicación, dirección, quién lo combate.',
    },
    advisory: {
      en: 'Publish a bilingual weather advisory for the areas at risk.',
      es: 'Publicar un aviso meteorológico bilingüe para las zonas en riesgo.',
    },
    us_firefighting: {
      en: 'U.S. fire agencies fight the fire on the U.S. side.',
      es: 'Las agencias de bomberos estadounidenses combaten el fuego en el lado estadounidense.',
    },
    mx_firefighting: {
      en: 'Mexican fire and civil protection agencies fight the fire on the Mexican side.',
      es: 'Las agencias mexicanas de bomberos y protección civil combaten el fuego en el lado mexicano.',
    },
    cross_border_crews: {
      en: 'Any crew or aircraft crossing the line does so only with both governments’ agreement.',
      es: 'Ninguna brigada ni aeronave cruza la línea sin el acuerdo de ambos gobiernos.',
    },
    search_routes: {
      en: 'Search migrant routes in the fire’s path (search-and-rescue coordination).',
      es: 'Revisar las rutas de migrantes en el camino del fuego (coordinación de búsqueda y rescate).',
    },
    port_status: {
      en: 'Restrict or close affected ports on the ports board (reason: weather).',
      es: 'Restringir o cerrar los puertos afectados en el tablero de puertos (motivo: clima).',
    },
    injured: {
      en: 'Attend to anyone injured: emergency services of the side where they are.',
      es: 'Atender a los lesionados: servicios de emergencia del lado donde se encuentren.',
    },
  },
  flood: {
    alert_other_side: {
      en: 'Alert the other side through the liaison mechanism: rivers, canals and crossings at risk.',
      es: 'Alertar al otro lado por medio del mecanismo de enlace: ríos, canales y cruces en riesgo.',
    },
    advisory: {
      en: 'Publish a bilingual weather advisory for the areas at risk.',
      es: 'Publicar un aviso meteorológico bilingüe para las zonas en riesgo.',
    },
    crossings: {
      en: 'Watch the All-American Canal and Rio Grande crossing points (Plan of Action I priorities).',
      es: 'Vigilar los puntos de cruce del Canal Todo Americano y del Río Bravo (prioridades del Plan de Acción I).',
    },
    us_rescue: {
      en: 'Border Patrol search-and-rescue units work the U.S. side.',
      es: 'Las unidades de búsqueda y rescate de la Patrulla Fronteriza trabajan el lado estadounidense.',
    },
    mx_rescue: {
      en: 'Grupo Beta and civil protection work the Mexican side.',
      es: 'Grupo Beta y protección civil trabajan el lado mexicano.',
    },
    port_status: {
      en: 'Inspect international bridges; restrict or close them on the ports board (reason: weather).',
      es: 'Inspeccionar los puentes internacionales; restringirlos o cerrarlos en el tablero de puertos (motivo: clima).',
    },
    missing_persons: {
      en: 'Share the lists of missing and rescued persons with both sides and the consulates.',
      es: 'Compartir las listas de personas desaparecidas y rescatadas con ambos lados y los consulados.',
    },
    injured: {
      en: 'Attend to anyone injured: emergency services of the side where they are.',
      es: 'Atender a los lesionados: servicios de emergencia del lado donde se encuentren.',
    },
  },
  heat_wave: {
    advisory: {
      en: 'Publish a bilingual heat advisory for the high-risk areas.',
      es: 'Publicar un aviso bilingüe de calor para las zonas de alto riesgo.',
    },
    warn_migrants: {
      en: 'Warn potential migrants of the danger of crossing (public safety campaign).',
      es: 'Advertir a los posibles migrantes del peligro de cruzar (campaña de seguridad pública).',
    },
    us_patrols: {
      en: 'Step up aerial surveillance and search-and-rescue patrols of the desert on the U.S. side.',
      es: 'Intensificar la vigilancia aérea y los patrullajes de búsqueda y rescate en el desierto del lado estadounidense.',
    },
    mx_grupo_beta: {
      en: 'Reinforce Grupo Beta presence in the high-risk areas on the Mexican side.',
      es: 'Reforzar la presencia de Grupo Beta en las zonas de alto riesgo del lado mexicano.',
    },
    coordinate_rescue: {
      en: 'Coordinate search and rescue with the other side through the liaison mechanism.',
      es: 'Coordinar la búsqueda y el rescate con el otro lado por medio del mecanismo de enlace.',
    },
    injured: {
      en: 'Get anyone suffering heat exposure to medical care on the side where they are.',
      es: 'Llevar a atención médica a quien sufra exposición al calor, del lado donde se encuentre.',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of any Mexican national rescued, injured or dead.',
      es: 'Notificar al consulado de México de cualquier connacional rescatado, lesionado o fallecido.',
    },
  },
  snow_storm: {
    alert_other_side: {
      en: 'Alert the other side through the liaison mechanism: roads, passes and crossings at risk.',
      es: 'Alertar al otro lado por medio del mecanismo de enlace: caminos, puertos de montaña y cruces en riesgo.',
    },
    advisory: {
      en: 'Publish a bilingual weather advisory for the areas at risk.',
      es: 'Publicar un aviso meteorológico bilingüe para las zonas en riesgo.',
    },
    port_status: {
      en: 'Restrict or close affected ports on the ports board (reason: weather).',
      es: 'Restringir o cerrar los puertos afectados en el tablero de puertos (motivo: clima).',
    },
    us_rescue: {
      en: 'Border Patrol search-and-rescue units search the mountains on the U.S. side.',
      es: 'Las unidades de búsqueda y rescate de la Patrulla Fronteriza buscan en la sierra del lado estadounidense.',
    },
    mx_rescue: {
      en: 'Grupo Beta and civil protection search the mountains on the Mexican side.',
      es: 'Grupo Beta y protección civil buscan en la sierra del lado mexicano.',
    },
    shelter: {
      en: 'Share where shelters are open for stranded and repatriated people.',
      es: 'Compartir dónde hay albergues abiertos para personas varadas y repatriadas.',
    },
    injured: {
      en: 'Attend to anyone injured or with hypothermia: emergency services of the side where they are.',
      es: 'Atender a los lesionados o con hipotermia: servicios de emergencia del lado donde se encuentren.',
    },
  },
};
