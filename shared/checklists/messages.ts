import type { BilingualText } from '@shared/errors.js';
import { defineMessages } from '@shared/i18n/define.js';
import type { ChecklistKind, StepId } from './contract.js';

/** Checklists per emergency kind. English and Spanish side by side. */
export const checklistMessages = defineMessages({
  'checklists.title': { en: 'Checklists', es: 'Listas de verificación' },
  'checklists.defaultProcedure': {
    en: "The console's default procedures, each following the agreements and public procedures it names. Your agency's own orders prevail where they differ.",
    es: 'Procedimientos predeterminados de la consola, cada uno conforme a los acuerdos y procedimientos públicos que cita. Las órdenes de su propia dependencia prevalecen donde difieran.',
  },
  'checklists.follows': { en: 'Follows: {sources}', es: 'Conforme a: {sources}' },
  'checklists.sourceSections': {
    en: { one: '{source}, section {sections}', other: '{source}, sections {sections}' },
    es: { one: '{source}, sección {sections}', other: '{source}, secciones {sections}' },
  },
  'checklists.choose': { en: 'Choose an emergency…', es: 'Elija una emergencia…' },
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
  'checklistKind.migrant_distress': { en: 'Migrants in distress', es: 'Migrantes en peligro' },
  'checklistKind.drowning': { en: 'Drowning', es: 'Ahogamiento' },
  'checklistKind.heat_exposure': { en: 'Heat exposure', es: 'Exposición al calor' },
  'checklistKind.death': { en: 'Death', es: 'Muerte' },
  'checklistKind.violence_against_migrants': {
    en: 'Violence against migrants',
    es: 'Violencia contra migrantes',
  },
  'checklistKind.bomb_threat': { en: 'Bomb threat', es: 'Amenaza de bomba' },
  'checklistKind.pursuit': { en: 'Trans-border pursuit', es: 'Persecución transfronteriza' },
  'checklistKind.wildfire': { en: 'Wildfire', es: 'Incendio forestal' },
  'checklistKind.flood': { en: 'Flood or rainstorm', es: 'Inundación o tormenta' },
  'checklistKind.heat_wave': { en: 'Heat wave', es: 'Ola de calor' },
  'checklistKind.snow_storm': { en: 'Snow storm', es: 'Tormenta de nieve' },
  'procedureSource.plan_of_action': {
    en: 'Plan of Action for Cooperation on Border Safety (2001)',
    es: 'Plan de Acción para la Cooperación sobre Seguridad Fronteriza (2001)',
  },
  'procedureSource.merida_mou': {
    en: 'Memorandum of Understanding on Cooperation against Border Violence (Mérida, 1999) and its Guidelines (2000)',
    es: 'Memorándum de Entendimiento sobre Cooperación contra la Violencia Fronteriza (Mérida, 1999) y sus Lineamientos (2000)',
  },
  'procedureSource.oaxaca_1999': {
    en: 'Binational Commission, Working Group on Migration and Consular Affairs (Oaxaca, 1999)',
    es: 'Comisión Binacional, Grupo de Trabajo sobre Migración y Asuntos Consulares (Oaxaca, 1999)',
  },
  'procedureSource.repatriation_arrangements': {
    en: 'Local Safe and Orderly Repatriation Arrangements (since 1996)',
    es: 'Arreglos Locales para la Repatriación Segura y Ordenada (desde 1996)',
  },
  'procedureSource.vienna_convention': {
    en: 'Vienna Convention on Consular Relations (1963), articles 36 and 37',
    es: 'Convención de Viena sobre Relaciones Consulares (1963), artículos 36 y 37',
  },
  'procedureSource.consular_convention': {
    en: 'Consular Convention between the United States and Mexico (1942)',
    es: 'Convención Consular entre los Estados Unidos Mexicanos y los Estados Unidos de América (1942)',
  },
  'procedureSource.border_safety_initiative': {
    en: 'U.S. Border Patrol Border Safety Initiative (1998) and BORSTAR search and rescue',
    es: 'Iniciativa de Seguridad Fronteriza de la Patrulla Fronteriza de EE. UU. (1998) y búsqueda y rescate BORSTAR',
  },
  'procedureSource.grupo_beta': {
    en: 'INM Grupos Beta for the protection of migrants',
    es: 'Grupos Beta de Protección a Migrantes del INM',
  },
  'procedureSource.ibwc_cila': {
    en: 'International Boundary and Water Commission (IBWC / CILA)',
    es: 'Comisión Internacional de Límites y Aguas (CILA / IBWC)',
  },
  'procedureSource.heat_illness_first_aid': {
    en: 'Public first-aid guidance on heat stroke (CDC, National Weather Service)',
    es: 'Guías públicas de primeros auxilios ante golpe de calor (CDC, Servicio Meteorológico Nacional de EE. UU.)',
  },
  'procedureSource.death_investigation': {
    en: 'Death investigation: medical examiner or coroner (U.S.); Ministerio Público and SEMEFO (Mexico)',
    es: 'Investigación de fallecimientos: médico forense o coroner (EE. UU.); Ministerio Público y SEMEFO (México)',
  },
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
  migrant_distress: {
    locate: {
      en: 'Fix where they are, how many and their condition: the 911 call (either side), a rescue beacon, landmarks.',
      es: 'Precisar dónde están, cuántos son y su estado: la llamada al 911 (de cualquier lado), una baliza de rescate, referencias.',
    },
    us_rescue: {
      en: 'On the U.S. side, dispatch Border Patrol search and rescue (BORSTAR) with emergency medical services.',
      es: 'En el lado estadounidense, despachar a búsqueda y rescate de la Patrulla Fronteriza (BORSTAR) con servicios médicos de emergencia.',
    },
    mx_rescue: {
      en: 'On the Mexican side, dispatch Grupo Beta with civil protection and emergency services.',
      es: 'En el lado mexicano, despachar a Grupo Beta con protección civil y servicios de emergencia.',
    },
    alert_other_side: {
      en: 'Tell the other side through the liaison mechanism: where, how many, who is responding.',
      es: 'Avisar al otro lado por medio del mecanismo de enlace: dónde, cuántos, quién responde.',
    },
    medical: {
      en: 'Assess each person found; anyone who needs care goes to hospital on the side where they are.',
      es: 'Valorar a cada persona localizada; quien necesite atención va al hospital del lado donde se encuentre.',
    },
    companions: {
      en: 'Ask those found about companions left behind, and search for them.',
      es: 'Preguntar a los localizados por acompañantes que se quedaron atrás, y buscarlos.',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of Mexican nationals rescued, hospitalized or held; other nationals, their own consulate.',
      es: 'Notificar al consulado de México de los connacionales rescatados, hospitalizados o detenidos; a los de otra nacionalidad, a su consulado.',
    },
    repatriation: {
      en: 'Repatriate anyone only once medically cleared and under the local arrangement (port, hours, families together); non-Mexicans never to Mexico.',
      es: 'Repatriar a alguien solo con alta médica y conforme al arreglo local (puerto, horario, familias juntas); a los no mexicanos, nunca a México.',
    },
    record_people: {
      en: 'Record the people rescued, injured and deceased on the incident.',
      es: 'Registrar en el incidente a las personas rescatadas, lesionadas y fallecidas.',
    },
  },
  drowning: {
    alert_other_side: {
      en: 'Alert the other side through the liaison mechanism: river or canal, place, current, how many in the water.',
      es: 'Alertar al otro lado por medio del mecanismo de enlace: río o canal, lugar, corriente, cuántos en el agua.',
    },
    us_water_rescue: {
      en: 'On the U.S. side, Border Patrol (BORSTAR, river units) and fire-department water rescue.',
      es: 'En el lado estadounidense, la Patrulla Fronteriza (BORSTAR, unidades fluviales) y rescate acuático de bomberos.',
    },
    mx_water_rescue: {
      en: 'On the Mexican side, Grupo Beta, civil protection and fire-department water rescue.',
      es: 'En el lado mexicano, Grupo Beta, protección civil y rescate acuático de bomberos.',
    },
    in_the_channel: {
      en: 'In a river on the line, agree who goes in: each side works from its own bank unless both agree otherwise.',
      es: 'En un río que es la línea, acordar quién entra: cada lado trabaja desde su orilla salvo que ambos acuerden otra cosa.',
    },
    flows: {
      en: 'Ask IBWC/CILA (or the canal operator) for the flow and any dam or gate releases at the site.',
      es: 'Pedir a la CILA/IBWC (o al operador del canal) el caudal y cualquier desfogue de presa o compuerta en el sitio.',
    },
    injured: {
      en: 'Resuscitate and treat those pulled out; hospital on the side where they are.',
      es: 'Reanimar y atender a los rescatados; hospital del lado donde se encuentren.',
    },
    search_downstream: {
      en: 'Anyone still missing: record the last-seen point and search downstream on both banks; each side recovers bodies on its own.',
      es: 'Si falta alguien: registrar el último punto donde se le vio y buscar río abajo en ambas orillas; cada lado recupera los cuerpos en el suyo.',
    },
    identification: {
      en: 'Identify those rescued or recovered; for anyone who died, start the Death checklist.',
      es: 'Identificar a los rescatados o recuperados; por cada fallecido, iniciar la lista «Muerte».',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of any Mexican national rescued, injured or dead.',
      es: 'Notificar al consulado de México de cualquier connacional rescatado, lesionado o fallecido.',
    },
  },
  heat_exposure: {
    locate: {
      en: 'Fix where the person is and their condition: the 911 call (either side), a rescue beacon, landmarks.',
      es: 'Precisar dónde está la persona y su estado: la llamada al 911 (de cualquier lado), una baliza de rescate, referencias.',
    },
    us_rescue: {
      en: 'On the U.S. side, Border Patrol (BORSTAR) and emergency medical services; air support where ground units can’t reach.',
      es: 'En el lado estadounidense, la Patrulla Fronteriza (BORSTAR) y servicios médicos de emergencia; apoyo aéreo donde no lleguen por tierra.',
    },
    mx_rescue: {
      en: 'On the Mexican side, Grupo Beta with the Red Cross or civil protection.',
      es: 'En el lado mexicano, Grupo Beta con la Cruz Roja o protección civil.',
    },
    cooling: {
      en: 'Cool at once: shade, loosen clothing, wet the skin and fan; water only if conscious and able to swallow.',
      es: 'Enfriar de inmediato: sombra, aflojar la ropa, mojar la piel y abanicar; agua solo si está consciente y puede tragar.',
    },
    ems: {
      en: 'Confusion, collapse or hot dry skin is heat stroke: to hospital on the side where the person is.',
      es: 'Confusión, desmayo o piel caliente y seca es golpe de calor: al hospital del lado donde esté la persona.',
    },
    alert_other_side: {
      en: 'Tell the other side through the liaison mechanism, and ask it to search if others of the group are missing.',
      es: 'Avisar al otro lado por medio del mecanismo de enlace, y pedirle que busque si faltan otros del grupo.',
    },
    beacons: {
      en: 'Check the rescue beacons and water points along the route; report any out of service.',
      es: 'Revisar las balizas de rescate y los puntos de agua de la ruta; reportar los que no funcionen.',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of any Mexican national rescued, hospitalized or dead.',
      es: 'Notificar al consulado de México de cualquier connacional rescatado, hospitalizado o fallecido.',
    },
    record_people: {
      en: 'Record the people rescued, injured and deceased on the incident.',
      es: 'Registrar en el incidente a las personas rescatadas, lesionadas y fallecidas.',
    },
  },
  death: {
    scene: {
      en: 'Preserve the scene: nothing is moved until the authority with jurisdiction arrives; photos and GPS position.',
      es: 'Preservar el lugar: no se mueve nada hasta que llegue la autoridad competente; fotos y posición GPS.',
    },
    alert_other_side: {
      en: 'Tell the other side through the liaison mechanism: where, how many, apparent cause.',
      es: 'Avisar al otro lado por medio del mecanismo de enlace: dónde, cuántos, causa aparente.',
    },
    us_examiner: {
      en: 'On the U.S. side, the county medical examiner or coroner takes the remains and determines the cause of death.',
      es: 'En el lado estadounidense, el médico forense o coroner del condado recibe los restos y determina la causa de muerte.',
    },
    mx_semefo: {
      en: 'On the Mexican side, the Ministerio Público opens the inquiry and SEMEFO takes the remains.',
      es: 'En el lado mexicano, el Ministerio Público abre la carpeta de investigación y el SEMEFO recibe los restos.',
    },
    identification: {
      en: 'Identify the person: documents, fingerprints, DNA, and the consulates’ reports of missing migrants.',
      es: 'Identificar a la persona: documentos, huellas dactilares, ADN y los reportes consulares de migrantes desaparecidos.',
    },
    consular_notice: {
      en: 'Notify the consulate of the person’s nationality without delay; the Mexican consulate for Mexican nationals.',
      es: 'Notificar sin demora al consulado de la nacionalidad de la persona; al consulado de México si es connacional.',
    },
    family: {
      en: 'The family is told through the consulate or the Mexican authorities; no name is released before.',
      es: 'Se informa a la familia por medio del consulado o de las autoridades mexicanas; antes no se da a conocer ningún nombre.',
    },
    remains: {
      en: 'The Mexican consulate arranges the repatriation of remains with the family once they are released.',
      es: 'El consulado de México gestiona con la familia la repatriación de los restos una vez liberados.',
    },
    investigation: {
      en: 'Keep the incident’s investigation record (lead agency, case reference): needed before it closes.',
      es: 'Llevar el registro de investigación del incidente (dependencia a cargo, número de caso): necesario para cerrarlo.',
    },
    record_people: {
      en: 'Record the deceased on the incident, for the count of border deaths both governments keep.',
      es: 'Registrar a los fallecidos en el incidente, para el recuento de muertes en la frontera que llevan ambos gobiernos.',
    },
  },
  violence_against_migrants: {
    medical: {
      en: 'Get the injured to medical care on the side where they are.',
      es: 'Llevar a los lesionados a atención médica del lado donde se encuentren.',
    },
    alert_other_side: {
      en: 'Tell the other side through the liaison mechanism, above all if the aggressors crossed the line.',
      es: 'Avisar al otro lado por medio del mecanismo de enlace, sobre todo si los agresores cruzaron la línea.',
    },
    evidence: {
      en: 'Preserve the scene and evidence, and take victims’ and witnesses’ statements before anyone is moved or repatriated.',
      es: 'Preservar el lugar y las evidencias, y tomar declaración a víctimas y testigos antes de trasladar o repatriar a nadie.',
    },
    us_investigation: {
      en: 'On the U.S. side, the competent agency investigates (the inspector general if officers are involved); the U.S. Attorney is informed.',
      es: 'En el lado estadounidense, investiga la dependencia competente (el inspector general si hay agentes involucrados); se informa al Fiscal Federal (U.S. Attorney).',
    },
    mx_investigation: {
      en: 'On the Mexican side, the Ministerio Público investigates.',
      es: 'En el lado mexicano, investiga el Ministerio Público.',
    },
    consular_notice: {
      en: 'Notify the Mexican consulate of Mexican victims, so the consul can assist them and follow the case with the U.S. Attorney.',
      es: 'Notificar al consulado de México de las víctimas connacionales, para que el cónsul las asista y dé seguimiento al caso con el Fiscal Federal.',
    },
    investigation_record: {
      en: 'Keep the incident’s investigation record (lead agency, case reference) for the follow-up between consuls and U.S. Attorneys.',
      es: 'Llevar el registro de investigación del incidente (dependencia a cargo, número de caso) para el seguimiento entre cónsules y fiscales federales.',
    },
    follow_up: {
      en: 'Report the case to the designated points of contact (U.S. Department of Justice, Mexico’s Foreign Affairs Secretariat) for follow-up.',
      es: 'Informar del caso a los enlaces designados (Departamento de Justicia de EE. UU., Secretaría de Relaciones Exteriores) para su seguimiento.',
    },
  },
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
