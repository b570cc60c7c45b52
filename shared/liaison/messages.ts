import { defineMessages } from '@shared/i18n/define.js';

/**
 * Every sentence and label of the liaison feature (Plan of Action VIII), English and
 * Spanish side by side so a missing translation is visible in review. `{name}` marks a
 * parameter. Spanish times are 24-hour (the caller formats them before filling).
 */
export const liaisonMessages = defineMessages({
  // Sides and kinds
  'liaison.side.US': { en: 'United States', es: 'Estados Unidos' },
  'liaison.side.MX': { en: 'Mexico', es: 'México' },
  'liaison.kind.BLM': { en: 'Border Liaison Mechanism', es: 'Mecanismo de Enlace Fronterizo' },
  'liaison.kind.ICM': { en: 'Interior Consultation Mechanism', es: 'Mecanismo de Consulta Interna' },
  'liaison.illustrative': { en: 'Illustrative example', es: 'Ejemplo ilustrativo' },
  'liaison.sideShort.US': { en: 'U.S.', es: 'EE. UU.' },
  'liaison.sideShort.MX': { en: 'Mex.', es: 'Méx.' },
  'liaison.contactKind.phone': { en: 'Phone', es: 'Teléfono' },
  'liaison.contactKind.radio': { en: 'Radio', es: 'Radio' },
  'liaison.contactKind.email': { en: 'Email', es: 'Correo electrónico' },
  'liaison.contact.notWorking': { en: 'Reported not working', es: 'Reportado sin funcionar' },
  'liaison.copy': { en: 'Copy', es: 'Copiar' },
  'liaison.call': { en: 'Call', es: 'Llamar' },
  'liaison.mail': { en: 'Send email', es: 'Enviar correo' },

  // Roles (keys from seeds/border-reference.json → borderLiaisonMechanisms.roles; the last two sit on ICMs)
  'liaison.role.consul': { en: 'Consul (chair)', es: 'Cónsul (preside el mecanismo)' },
  'liaison.role.port_director': { en: 'Port director', es: 'Director de puerto' },
  'liaison.role.border_patrol': { en: 'Border Patrol agent in charge', es: 'Agente a cargo de la Patrulla Fronteriza' },
  'liaison.role.inm_delegate': { en: 'INM regional delegate', es: 'Delegado regional del INM' },
  'liaison.role.grupo_beta': { en: 'Grupo Beta coordinator', es: 'Coordinador del Grupo Beta' },
  'liaison.role.prosecutor': { en: 'Federal prosecutor’s delegate', es: 'Delegado de la Procuraduría General' },
  'liaison.role.police': { en: 'Police or sheriff', es: 'Policía o alguacil' },
  'liaison.role.local_official': { en: 'Municipal or county official', es: 'Funcionario municipal o del condado' },
  'liaison.role.immigration_officer': {
    en: 'Immigration field office liaison',
    es: 'Enlace de la oficina de inmigración',
  },
  'liaison.role.consular_protection': { en: 'Consular protection officer', es: 'Oficial de protección consular' },

  // On duty and "who do I call now"
  'liaison.onDuty.title': { en: 'On duty now', es: 'De guardia ahora' },
  'liaison.onDuty.until': { en: 'until {time}', es: 'hasta las {time}' },
  'liaison.onDuty.position': { en: 'Call order {position}', es: 'Orden de llamada {position}' },
  'liaison.onDuty.override': { en: 'Covering by override', es: 'Cubre por sustitución' },
  'liaison.onDuty.nobody': { en: 'Nobody on duty', es: 'Nadie de guardia' },
  'liaison.whoToCall.title': { en: 'Who do I call now?', es: '¿A quién llamo ahora?' },
  'liaison.whoToCall.contains': {
    en: 'This place is in the area of {mechanism}.',
    es: 'Este lugar está en el área de {mechanism}.',
  },
  'liaison.whoToCall.nearest': {
    en: 'This place is outside every mechanism’s area; the nearest is {mechanism}, {km} km away.',
    es: 'Este lugar está fuera de las áreas de los mecanismos; el más cercano es {mechanism}, a {km} km.',
  },
  'liaison.localTime': { en: 'Local time: {time}', es: 'Hora local: {time}' },

  // Flags
  'liaison.flag.notVerified': { en: 'Not verified for {days} days', es: 'Sin verificar desde hace {days} días' },
  'liaison.flag.noWorkingContact': { en: 'No working contact method', es: 'Sin ningún medio de contacto que funcione' },
  'liaison.flag.coverageGap': {
    en: 'Coverage gap in the next {days} days',
    es: 'Hueco de cobertura en los próximos {days} días',
  },
  'liaison.flag.overdue': { en: 'Overdue', es: 'Vencido' },

  // Gaps
  'liaison.gap.uncovered': { en: 'Coverage gap: nobody on duty', es: 'Hueco de cobertura: nadie de guardia' },
  'liaison.gap.emptyShift': {
    en: 'Empty shift at call order {position}',
    es: 'Turno vacío en el orden de llamada {position}',
  },
  'liaison.gap.markIntended': { en: 'Mark this gap as intended', es: 'Marcar este hueco como previsto' },

  // Meetings and commitments (Plan of Action I–II: periodic meetings to review results)
  'liaison.meeting.title': { en: 'Meetings', es: 'Reuniones' },
  'liaison.meeting.place': { en: 'Place', es: 'Lugar' },
  'liaison.meeting.agenda': { en: 'Agenda', es: 'Orden del día' },
  'liaison.meeting.minutes': { en: 'Minutes', es: 'Minuta' },
  'liaison.commitment.title': { en: 'Commitments', es: 'Compromisos' },
  'liaison.commitment.owner': { en: 'Owner', es: 'Responsable' },
  'liaison.commitment.due': { en: 'Due {date}', es: 'Vence el {date}' },
  'liaison.commitment.done': { en: 'Done', es: 'Cumplido' },

  // Areas
  'liaison.area.border_band_partition': {
    en: 'Approximate: a 100 km band along the border, cut where county, municipio and Border Patrol sector lines meet the border',
    es: 'Aproximada: franja de 100 km a lo largo de la frontera, cortada donde las líneas de condados, municipios y sectores de la Patrulla Fronteriza tocan la frontera',
  },
  'liaison.area.illustrative_circle': {
    en: 'Illustrative: 150 km around the consulate; the consular district is larger',
    es: 'Ilustrativa: 150 km alrededor del consulado; la circunscripción consular es más amplia',
  },
  'liaison.area.drawn': { en: 'Drawn by an administrator', es: 'Trazada por un administrador' },

  // Calendar feed
  'liaison.calendar.name': { en: 'On duty: {mechanism}', es: 'Guardias: {mechanism}' },
  'liaison.calendar.onDuty': {
    en: 'On duty ({side}, call order {position}): {name}',
    es: 'De guardia ({side}, orden de llamada {position}): {name}',
  },
  'liaison.calendar.gap': { en: 'Coverage gap ({side})', es: 'Hueco de cobertura ({side})' },
  'liaison.calendar.emptyShift': {
    en: 'Empty shift ({side}, call order {position})',
    es: 'Turno vacío ({side}, orden de llamada {position})',
  },

  // Pages
  'liaison.list.title': { en: 'Liaison mechanisms', es: 'Mecanismos de enlace' },
  'liaison.list.flagsNone': { en: 'Nothing flagged', es: 'Sin alertas' },
  'liaison.flag.membersNotVerified': {
    en: { one: '{count} member not verified for {days} days', other: '{count} members not verified for {days} days' },
    es: {
      one: '{count} integrante sin verificar desde hace {days} días',
      other: '{count} integrantes sin verificar desde hace {days} días',
    },
  },
  'liaison.flag.membersWithoutContact': {
    en: { one: '{count} member with no working contact', other: '{count} members with no working contact' },
    es: {
      one: '{count} integrante sin medio de contacto que funcione',
      other: '{count} integrantes sin medio de contacto que funcione',
    },
  },
  'liaison.flag.overdueCommitments': {
    en: { one: '{count} overdue commitment', other: '{count} overdue commitments' },
    es: { one: '{count} compromiso vencido', other: '{count} compromisos vencidos' },
  },
  'liaison.back': { en: 'All mechanisms', es: 'Todos los mecanismos' },
  'liaison.timeZone': { en: 'Time zone: {zone}', es: 'Zona horaria: {zone}' },
  'liaison.export.vcf': { en: 'Contacts (vCard)', es: 'Contactos (vCard)' },
  'liaison.export.ics': { en: 'On-duty calendar (iCalendar)', es: 'Calendario de guardias (iCalendar)' },
  'liaison.export.note': {
    en: 'Both files hold personal contact details: for official use only.',
    es: 'Ambos archivos contienen datos personales de contacto: solo para uso oficial.',
  },
  'liaison.area.title': { en: 'Area of responsibility', es: 'Área de responsabilidad' },
  'liaison.yourTime': { en: 'your time {time}', es: 'su hora {time}' },
  'liaison.copied': { en: 'Copied', es: 'Copiado' },
  'liaison.radio': { en: 'Radio: {channel}', es: 'Radio: {channel}' },
  'liaison.whoToCall.open': { en: 'Open the mechanism', es: 'Abrir el mecanismo' },
  'liaison.whoToCall.find': { en: 'Find', es: 'Buscar' },
  'liaison.whoToCall.lat': { en: 'Latitude', es: 'Latitud' },
  'liaison.whoToCall.lon': { en: 'Longitude', es: 'Longitud' },
  'liaison.whoToCall.searchTitle': { en: 'Who to call for a place', es: 'A quién llamar según el lugar' },
  'liaison.whoToCall.hint': {
    en: 'Find a town, port or area by name, or type a place in decimal degrees, e.g. 32.617, −116.19 (Jacumba).',
    es: 'Busque una ciudad, un puerto o una zona por su nombre, o escriba un lugar en grados decimales, p. ej. 32.617, −116.19 (Jacumba).',
  },

  // Members
  'liaison.members.title': { en: 'Members', es: 'Integrantes' },
  'liaison.verified': {
    en: { one: 'verified {count} day ago', other: 'verified {count} days ago' },
    es: { one: 'verificado hace {count} día', other: 'verificado hace {count} días' },
  },
  'liaison.verifiedToday': { en: 'verified today', es: 'verificado hoy' },
  'liaison.verify': { en: 'Mark verified now', es: 'Marcar como verificado' },
  'liaison.member.add': { en: 'Add member', es: 'Agregar integrante' },
  'liaison.member.edit': { en: 'Edit', es: 'Editar' },
  'liaison.member.remove': { en: 'Remove', es: 'Quitar' },
  'liaison.member.confirmRemove': {
    en: 'Remove {name}? Their shifts stay, empty, and show as gaps.',
    es: '¿Quitar a {name}? Sus turnos quedan vacíos y se muestran como huecos.',
  },
  'liaison.field.name': { en: 'Full name', es: 'Nombre completo' },
  'liaison.field.familyName': { en: 'Family name(s)', es: 'Apellidos' },
  'liaison.field.role': { en: 'Role', es: 'Cargo' },
  'liaison.field.agency': { en: 'Agency', es: 'Dependencia' },
  'liaison.field.side': { en: 'Side', es: 'Lado' },
  'liaison.field.contactKind': { en: 'Type', es: 'Tipo' },
  'liaison.field.label': { en: 'Label', es: 'Etiqueta' },
  'liaison.field.value': { en: 'Number, channel or address', es: 'Número, canal o dirección' },
  'liaison.field.working': { en: 'Working', es: 'Funciona' },
  'liaison.contact.add': { en: 'Add a contact', es: 'Agregar un contacto' },
  'liaison.contact.remove': { en: 'Remove this contact', es: 'Quitar este contacto' },
  'liaison.useSuggestion': { en: 'Use {suggestion}', es: 'Usar {suggestion}' },
  'liaison.save': { en: 'Save', es: 'Guardar' },
  'liaison.cancel': { en: 'Cancel', es: 'Cancelar' },

  // Rotation and week view
  'liaison.rotation.title': { en: 'Weekly rotation', es: 'Rotación semanal' },
  'liaison.rotation.intro': {
    en: 'Shift times are in {zone}. A shift whose end is at or before its start runs past midnight.',
    es: 'Las horas de los turnos están en {zone}. Un turno cuyo fin es igual o anterior a su inicio termina al día siguiente.',
  },
  'liaison.rotation.edit': { en: 'Edit rotation', es: 'Editar rotación' },
  'liaison.rotation.addShift': { en: 'Add shift', es: 'Agregar turno' },
  'liaison.rotation.removeShift': { en: 'Remove shift', es: 'Quitar turno' },
  'liaison.field.escalation': { en: 'Call order', es: 'Orden de llamada' },
  'liaison.field.days': { en: 'Days', es: 'Días' },
  'liaison.field.start': { en: 'Start', es: 'Inicio' },
  'liaison.field.end': { en: 'End', es: 'Fin' },
  'liaison.field.member': { en: 'Person', es: 'Persona' },
  'liaison.rotation.empty': { en: '— empty: a gap —', es: '— vacío: un hueco —' },
  'liaison.week.title': { en: 'The next seven days', es: 'Los próximos siete días' },
  'liaison.week.legend': {
    en: 'Bars: who is on duty at each call order. Red: a gap.',
    es: 'Barras: quién está de guardia en cada orden de llamada. Rojo: un hueco.',
  },
  'liaison.gaps.title': { en: 'Gaps in the next seven days', es: 'Huecos en los próximos siete días' },
  'liaison.gaps.none': { en: 'No gaps in the next seven days.', es: 'Sin huecos en los próximos siete días.' },
  'liaison.gap.span': { en: '{side}: {from} to {to}', es: '{side}: de {from} a {to}' },

  // Overrides and intended gaps
  'liaison.overrides.title': { en: 'Overrides', es: 'Sustituciones' },
  'liaison.overrides.none': { en: 'No overrides coming up.', es: 'No hay sustituciones próximas.' },
  'liaison.override.add': { en: 'Add override', es: 'Agregar sustitución' },
  'liaison.override.covers': {
    en: '{name} covers {side}, call order {position}',
    es: '{name} cubre {side}, orden de llamada {position}',
  },
  'liaison.override.empty': {
    en: '{side}, call order {position} left empty',
    es: '{side}, orden de llamada {position} queda vacío',
  },
  'liaison.field.from': { en: 'From', es: 'Desde' },
  'liaison.field.until': { en: 'Until', es: 'Hasta' },
  'liaison.field.reason': { en: 'Reason', es: 'Motivo' },
  'liaison.remove': { en: 'Remove', es: 'Quitar' },
  'liaison.intended.title': { en: 'Gaps marked as intended', es: 'Huecos marcados como previstos' },
  'liaison.intended.unmark': { en: 'Unmark', es: 'Desmarcar' },

  // Meetings (additions)
  'liaison.meeting.add': { en: 'Schedule a meeting', es: 'Programar una reunión' },
  'liaison.meeting.when': { en: 'Date and time ({zone})', es: 'Fecha y hora ({zone})' },
  'liaison.meeting.saveMinutes': { en: 'Save minutes', es: 'Guardar minuta' },
  'liaison.meeting.none': { en: 'No meetings yet.', es: 'Aún no hay reuniones.' },
  'liaison.commitment.add': { en: 'Add commitment', es: 'Agregar compromiso' },
  'liaison.commitment.none': { en: 'No commitments.', es: 'Sin compromisos.' },
  'liaison.field.text': { en: 'Commitment', es: 'Compromiso' },
  'liaison.field.dueDate': { en: 'Due date', es: 'Fecha límite' },

  // Field-level validation (carried by customIssue; see contract.ts)
  'liaison.validation.phone': {
    en: 'is not a valid phone number; write it with the country code, e.g. +52 664 123 4567',
    es: 'no es un número de teléfono válido; escríbalo con la clave de país, p. ej. +52 664 123 4567',
  },
  'liaison.validation.oldMexicanMobile': {
    en: 'uses the old Mexican mobile form “+52 1”; since 2019 the 1 is not dialled: use {suggestion}',
    es: 'usa la forma antigua de celular de México “+52 1”; desde 2019 ya no se marca el 1: use {suggestion}',
  },
  'liaison.validation.email': { en: 'is not a valid email address', es: 'no es una dirección de correo válida' },
  'liaison.validation.time': {
    en: 'must be a time of day from 00:00 to 23:59',
    es: 'debe ser una hora del día entre 00:00 y 23:59',
  },
  'liaison.validation.day': {
    en: 'days go from 1 (Monday) to 7 (Sunday)',
    es: 'los días van del 1 (lunes) al 7 (domingo)',
  },
  'liaison.validation.dayTwice': { en: 'lists the same day twice', es: 'repite un día' },
  'liaison.validation.shiftOverlap': {
    en: 'overlaps shift {other} on the same side and call order',
    es: 'se traslapa con el turno {other} del mismo lado y orden de llamada',
  },
  'liaison.validation.memberOverlap': {
    en: 'puts the same person on two shifts at once (shift {other})',
    es: 'pone a la misma persona en dos turnos a la vez (turno {other})',
  },
  'liaison.validation.overrideOverlap': {
    en: 'overlaps another override on the same side and call order',
    es: 'se traslapa con otra sustitución del mismo lado y orden de llamada',
  },
  'liaison.validation.endAfterStart': { en: 'must be after the start', es: 'debe ser posterior al inicio' },
  'liaison.validation.tooLong': { en: 'may span at most {days} days', es: 'puede abarcar como máximo {days} días' },
  'liaison.validation.timeZone': { en: 'is not a known time zone', es: 'no es una zona horaria conocida' },
  'liaison.validation.position': {
    en: 'has a position outside longitude −180…180 or latitude −90…90 (positions are [longitude, latitude])',
    es: 'tiene una posición fuera de longitud −180…180 o latitud −90…90 (las posiciones son [longitud, latitud])',
  },
  'liaison.validation.ringNotClosed': {
    en: 'must end at the position where it starts',
    es: 'debe terminar en la misma posición en que empieza',
  },
  'liaison.validation.noArea': {
    en: 'must enclose an area: at least three different positions',
    es: 'debe encerrar un área: al menos tres posiciones distintas',
  },
  'liaison.validation.unknownMember': {
    en: 'is not a member of this mechanism',
    es: 'no es integrante de este mecanismo',
  },
  'liaison.validation.sideOnRotation': {
    en: 'cannot change while this person holds shifts or overrides on their side; take them off the rotation first',
    es: 'no puede cambiar mientras esta persona tenga turnos o sustituciones en su lado; retírela primero de la rotación',
  },
  'liaison.validation.unknownMeeting': {
    en: 'is not a meeting of this mechanism',
    es: 'no es una reunión de este mecanismo',
  },
  'liaison.validation.calendarRange': {
    en: 'must be after the start and at most {days} days after it',
    es: 'debe ser posterior al inicio y como máximo {days} días después',
  },
  'liaison.validation.otherSide': {
    en: 'belongs to the other country’s side of this mechanism',
    es: 'pertenece al lado del otro país en este mecanismo',
  },
});

export type LiaisonMessageKey = keyof typeof liaisonMessages;
