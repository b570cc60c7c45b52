import { defineMessages } from '@shared/i18n/define.js';

/**
 * Repatriation (Plan of Action VI and VII): the labels, errors and refusals of the feature, English
 * and Spanish side by side. The engine's violation sentences are built in ./messages.ts.
 */
export const repatriationMessages = defineMessages({
  // ---- errors the API answers ----
  'repatriationError.notAllowed': {
    en: { one: 'Not allowed: {count} rule is broken.', other: 'Not allowed: {count} rules are broken.' },
    es: { one: 'No permitido: se incumple {count} regla.', other: 'No permitido: se incumplen {count} reglas.' },
  },
  'repatriationError.unknownPort': { en: 'is not a known port: {port}', es: 'no es un puerto conocido: {port}' },
  'repatriationError.unknownArrangement': {
    en: 'is not a known arrangement: {arrangement}',
    es: 'no es un arreglo conocido: {arrangement}',
  },
  'repatriationError.portInOtherArrangement': {
    en: '{port} already belongs to the arrangement “{arrangement}”: a port belongs to one arrangement at most',
    es: '{port} ya pertenece al arreglo «{arrangement}»: un puerto pertenece a un solo arreglo',
  },
  'repatriationError.arrangementHasMovements': {
    en: {
      one: 'This arrangement has {count} planned movement: cancel or reschedule it first.',
      other: 'This arrangement has {count} planned movements: cancel or reschedule them first.',
    },
    es: {
      one: 'Este arreglo tiene {count} movimiento previsto: cancélelo o reprográmelo primero.',
      other: 'Este arreglo tiene {count} movimientos previstos: cancélelos o reprográmelos primero.',
    },
  },
  'repatriationError.portHasMovements': {
    en: {
      one: 'cannot leave the arrangement: {port} has {count} planned movement; cancel or reschedule it first',
      other: 'cannot leave the arrangement: {port} has {count} planned movements; cancel or reschedule them first',
    },
    es: {
      one: 'no puede salir del arreglo: {port} tiene {count} movimiento previsto; cancélelo o reprográmelo primero',
      other:
        'no puede salir del arreglo: {port} tiene {count} movimientos previstos; cancélelos o reprográmelos primero',
    },
  },
  'repatriationError.versionConflict': {
    en: 'Someone else changed this in the meantime; here is the current version.',
    es: 'Otra persona lo modificó mientras tanto; esta es la versión actual.',
  },
  'repatriationError.noticeInFuture': {
    en: 'cannot be later than now',
    es: 'no puede ser posterior al momento actual',
  },
  'repatriationError.receivedTooMany': {
    en: 'must be at most {count}, the number of persons in the movement',
    es: 'debe ser como máximo {count}, el número de personas del movimiento',
  },
  // ---- why an action is not open to the user (shared/repatriation/access.ts) ----
  'repatriationRefusal.role': {
    en: 'Your role does not take this step.',
    es: 'Su función no incluye este paso.',
  },
  'repatriationRefusal.noticeGovernment': {
    en: 'The consular notice is recorded by the Mexican consulate or a supervisor.',
    es: 'La notificación consular la registra el consulado de México o un supervisor.',
  },
  'repatriationRefusal.receptionGovernment': {
    en: 'Reception is confirmed by the Mexican side of the port.',
    es: 'La recepción la confirma la parte mexicana del puerto.',
  },
  'repatriationRefusal.scope': {
    en: 'This port belongs to another liaison mechanism.',
    es: 'Este puerto pertenece a otro mecanismo de enlace.',
  },
  'repatriationRefusal.notPlanned': {
    en: 'The movement is {status}.',
    es: 'El movimiento está {status}.',
  },
  'repatriationRefusal.receptionTooEarly': {
    en: 'Reception can be confirmed from {when}, {hours} h before the planned time: before then no one can have been received.',
    es: 'La recepción puede confirmarse a partir del {when}, {hours} h antes de la hora prevista: antes no se ha podido recibir a nadie.',
  },
  'repatriationRefusal.noticeRecorded': {
    en: 'The consular notice is already recorded.',
    es: 'La notificación consular ya está registrada.',
  },
  // ---- the Repatriation page ----
  'repatriation.port': { en: 'Port', es: 'Puerto' },
  'repatriation.arrangements': { en: 'Arrangements', es: 'Arreglos' },
  'repatriation.noArrangements': {
    en: 'No port is in a repatriation arrangement yet.',
    es: 'Ningún puerto pertenece aún a un arreglo de repatriación.',
  },
  'repatriation.illustrative': { en: 'illustrative', es: 'ilustrativo' },
  'repatriation.illustrativeTitle': {
    en: 'Illustrative hours: official hours per port are not public.',
    es: 'Horario ilustrativo: el horario oficial de cada puerto no es público.',
  },
  'repatriation.basis': { en: 'Basis', es: 'Fundamento' },
  'repatriation.weekTitle': {
    en: 'This week’s windows, port time ({zone})',
    es: 'Ventanas de esta semana, hora del puerto ({zone})',
  },
  /** Another week than the current one, `date` its Monday ("Dec 14, 2026" / "14 de diciembre de 2026"). */
  'repatriation.weekOfTitle': {
    en: 'Windows for the week of {date}, port time ({zone})',
    es: 'Ventanas de la semana del {date}, hora del puerto ({zone})',
  },
  'repatriation.previousWeek': { en: '← Previous week', es: '← Semana anterior' },
  'repatriation.nextWeek': { en: 'Next week →', es: 'Semana siguiente →' },
  'repatriation.thisWeek': { en: 'This week', es: 'Esta semana' },
  'repatriation.weekNav': { en: 'Week shown', es: 'Semana mostrada' },
  'repatriation.noWindow': { en: 'No window', es: 'Sin ventana' },
  'repatriation.daylight': { en: 'Vulnerable: {range}', es: 'Vulnerables: {range}' },
  'repatriation.noDaylight': {
    en: 'No daylight hours for vulnerable persons',
    es: 'Sin horario diurno para personas vulnerables',
  },
  'repatriation.otherClock': { en: '{side} side: {range}', es: 'Lado {side}: {range}' },
  'repatriation.statusOpen': {
    en: 'Open for repatriation until {until}',
    es: 'Abierto para repatriación hasta las {until}',
  },
  'repatriation.statusDaylight': {
    en: 'vulnerable persons until {until}',
    es: 'personas vulnerables hasta las {until}',
  },
  'repatriation.mapLayer': { en: 'Repatriation window open now', es: 'Ventana de repatriación abierta ahora' },
  'repatriation.statusNext': { en: 'Next window {when}', es: 'Próxima ventana: {when}' },
  'repatriation.statusNone': { en: 'No window in the coming week', es: 'Ninguna ventana en la próxima semana' },
  'repatriation.statusClosed': { en: 'Port {status}: no repatriation', es: 'Puerto {status}: sin repatriaciones' },
  'repatriation.closureNotice': {
    en: 'Port {status} since {since} ({reason}). Windows are blocked until it reopens.',
    es: 'Puerto {status} desde {since} ({reason}). Las ventanas quedan bloqueadas hasta que vuelva a abrir.',
  },
  'repatriation.noReason': { en: 'no reason given', es: 'sin motivo indicado' },
  'repatriation.subscribePort': { en: 'Subscribe to this port', es: 'Suscribirse a este puerto' },
  'repatriation.subscribeArrangement': { en: 'to the whole arrangement', es: 'a todo el arreglo' },
  'repatriation.subscribeOutlook': { en: 'Outlook, Apple', es: 'Outlook, Apple' },
  'repatriation.subscribeGoogle': { en: 'Google Calendar', es: 'Google Calendar' },
  // ---- the check form ----
  'repatriation.checkTitle': { en: 'Check and plan a movement', es: 'Verificar y planear un movimiento' },
  'repatriation.when': { en: 'Time at the port', es: 'Hora en el puerto' },
  'repatriation.date': { en: 'Date (mm/dd/yyyy)', es: 'Fecha (dd/mm/aaaa)' },
  'repatriation.time': { en: 'Time (24-hour, HH:MM)', es: 'Hora (24 horas, HH:MM)' },
  'repatriation.dateInvalid': {
    en: 'Not a date: write it as mm/dd/yyyy.',
    es: 'No es una fecha: escríbala como dd/mm/aaaa.',
  },
  'repatriation.timeInvalid': {
    en: 'Not a time of day: write it as HH:MM, from 00:00 to 23:59.',
    es: 'No es una hora del día: escríbala como HH:MM, de 00:00 a 23:59.',
  },
  'repatriation.portClock': { en: '({zone})', es: '({zone})' },
  'repatriation.noticeGiven': {
    en: 'Consular notice given (port time, optional)',
    es: 'Notificación consular (hora del puerto, opcional)',
  },
  'repatriation.fromFacility': { en: 'From facility', es: 'Desde la instalación' },
  'repatriation.persons': {
    en: { one: '{count} person', other: '{count} persons' },
    es: { one: '{count} persona', other: '{count} personas' },
  },
  'repatriation.nationality': { en: 'Nationality', es: 'Nacionalidad' },
  'repatriation.category': { en: 'Category', es: 'Categoría' },
  'repatriation.familyId': { en: 'Family (shared id)', es: 'Familia (id común)' },
  'repatriation.addPerson': { en: 'Add a person', es: 'Agregar una persona' },
  'repatriation.removePerson': { en: 'Remove person {number}', es: 'Quitar a la persona {number}' },
  'repatriation.completeToCheck': {
    en: 'Choose a port and a time to see the answer.',
    es: 'Elija un puerto y una hora para ver la respuesta.',
  },
  'repatriation.allowed': { en: 'Allowed', es: 'Permitido' },
  'repatriation.notAllowed': { en: 'Not allowed', es: 'No permitido' },
  'repatriation.checkedInBrowser': {
    en: 'checked as you type; the server decides on saving',
    es: 'verificado al escribir; el servidor decide al guardar',
  },
  'repatriation.checkedByServer': { en: 'the server’s answer', es: 'respuesta del servidor' },
  'repatriation.nextSlots': {
    en: 'Next times this whole group would be allowed',
    es: 'Próximos horarios en que todo el grupo sería permitido',
  },
  'repatriation.noSlots': {
    en: 'No time would allow this group as it is: change the group.',
    es: 'Ningún horario permitiría a este grupo tal como está: modifique el grupo.',
  },
  'repatriation.moveToSlot': { en: 'Move to this slot', es: 'Pasar a este horario' },
  'repatriation.save': { en: 'Save as planned movement', es: 'Guardar como movimiento previsto' },
  'repatriation.saving': { en: 'Saving…', es: 'Guardando…' },
  'repatriation.saved': { en: 'Movement planned for {when}.', es: 'Movimiento previsto para el {when}.' },
  'repatriation.exercise': { en: 'Exercise (drill)', es: 'Simulacro' },
  'repatriation.exerciseHint': {
    en: 'Tick for a drill: the movement is marked EXERCISE everywhere, takes no real capacity or family, and is left out of statistics and reports.',
    es: 'Márquelo en un simulacro: el movimiento se marca SIMULACRO en todas partes, no ocupa capacidad ni familias reales y no cuenta en estadísticas ni reportes.',
  },
  'repatriation.planRoles': {
    en: 'Liaison officers, supervisors and administrators plan movements.',
    es: 'Los oficiales de enlace, supervisores y administradores planean los movimientos.',
  },
  // ---- movements ----
  'repatriation.movementsTitle': { en: 'Movements at {port}', es: 'Movimientos en {port}' },
  'repatriation.noMovements': {
    en: 'No movements planned for this week or the next.',
    es: 'No hay movimientos previstos para esta semana ni la próxima.',
  },
  'repatriation.fromFacilityShort': { en: 'from {facility}', es: 'desde {facility}' },
  'repatriation.noticeRecorded': {
    en: 'Consular notice {when}, by {by}',
    es: 'Notificación consular: {when}, por {by}',
  },
  'repatriation.noticeRecordedLate': {
    en: 'Consular notice {when}, by {by}: late, reschedule the movement',
    es: 'Notificación consular: {when}, por {by}; tardía, reprograme el movimiento',
  },
  'repatriation.noticeDue': {
    en: 'Consular notice due by {when}',
    es: 'Notificación consular pendiente antes del {when}',
  },
  'repatriation.noticeOverdue': {
    en: 'Consular notice overdue since {when}',
    es: 'Notificación consular vencida desde el {when}',
  },
  'repatriation.noNotice': { en: 'No consular notice recorded', es: 'Sin notificación consular registrada' },
  'repatriation.received': {
    en: {
      one: 'Received {received} of {count} person, {when}, by {by}',
      other: 'Received {received} of {count} persons, {when}, by {by}',
    },
    es: {
      one: 'Recibidas {received} de {count} persona, {when}, por {by}',
      other: 'Recibidas {received} de {count} personas, {when}, por {by}',
    },
  },
  'repatriation.cancelledBecause': { en: 'Cancelled by {by}: {reason}', es: 'Cancelado por {by}: {reason}' },
  'repatriation.action.notice': { en: 'Record consular notice', es: 'Registrar notificación consular' },
  'repatriation.action.confirm': { en: 'Confirm reception', es: 'Confirmar recepción' },
  'repatriation.action.reschedule': { en: 'Reschedule', es: 'Reprogramar' },
  'repatriation.action.cancel': { en: 'Cancel', es: 'Cancelar' },
  'repatriation.submit.notice': { en: 'Record', es: 'Registrar' },
  'repatriation.submit.confirm': { en: 'Confirm', es: 'Confirmar' },
  'repatriation.submit.reschedule': { en: 'Reschedule', es: 'Reprogramar' },
  'repatriation.submit.cancel': { en: 'Cancel the movement', es: 'Cancelar el movimiento' },
  'repatriation.noticeGivenDefault': {
    en: 'Notice given at (port time; empty: now)',
    es: 'Notificación dada el (hora del puerto; vacío: ahora)',
  },
  'repatriation.receivedCount': {
    en: { one: 'Persons received (of {count})', other: 'Persons received (of {count})' },
    es: { one: 'Personas recibidas (de {count})', other: 'Personas recibidas (de {count})' },
  },
  'repatriation.newTime': { en: 'New time at the port', es: 'Nueva hora en el puerto' },
  'repatriation.cancelReason': { en: 'Reason', es: 'Motivo' },
  'repatriation.timeline': { en: 'Timeline', es: 'Cronología' },
  'repatriationTimeline.planned': { en: 'planned the movement', es: 'planeó el movimiento' },
  'repatriationTimeline.notice': { en: 'recorded the consular notice', es: 'registró la notificación consular' },
  'repatriationTimeline.rescheduled': { en: 'rescheduled the movement', es: 'reprogramó el movimiento' },
  'repatriationTimeline.confirmed': { en: 'confirmed reception', es: 'confirmó la recepción' },
  'repatriationTimeline.cancelled': { en: 'cancelled the movement', es: 'canceló el movimiento' },
  'repatriationTimeline.notice_overdue': {
    en: 'noted that the consular notice is overdue',
    es: 'señaló que la notificación consular está vencida',
  },
  // ---- arrangements ----
  'repatriation.backToSchedule': { en: 'Back to the schedule', es: 'Volver al horario' },
  'repatriation.newArrangement': { en: 'New arrangement', es: 'Nuevo arreglo' },
  'repatriation.editArrangement': { en: 'Edit “{name}”', es: 'Editar «{name}»' },
  'repatriation.edit': { en: 'Edit', es: 'Editar' },
  'repatriation.delete': { en: 'Delete', es: 'Eliminar' },
  'repatriation.confirmDelete': { en: 'Delete for good', es: 'Eliminar definitivamente' },
  'repatriation.daylightRule': {
    en: 'Vulnerable persons {start}–{end}',
    es: 'Personas vulnerables {start}–{end}',
  },
  'repatriation.noticeRule': {
    en: 'Consular notice {hours} h ahead; ex-convicts {exConvictHours} h',
    es: 'Notificación consular con {hours} h de anticipación; exconvictos {exConvictHours} h',
  },
  'repatriation.capacityRule': {
    en: 'Up to {capacity} persons per window',
    es: 'Hasta {capacity} personas por ventana',
  },
  'repatriation.name': { en: 'Name', es: 'Nombre' },
  'repatriation.ports': {
    en: 'Ports (a port belongs to one arrangement at most)',
    es: 'Puertos (un puerto pertenece a un solo arreglo)',
  },
  'repatriation.inArrangement': { en: 'in “{name}”', es: 'en «{name}»' },
  'repatriation.timeZone': { en: 'Clock the hours are read on', es: 'Reloj en que se leen los horarios' },
  'repatriation.timeZoneDefault': {
    en: 'Each port’s Mexican side (default)',
    es: 'El lado mexicano de cada puerto (predeterminado)',
  },
  'repatriation.windows': { en: 'Weekly windows', es: 'Ventanas semanales' },
  'repatriation.days': { en: 'Days', es: 'Días' },
  'repatriation.start': { en: 'Start', es: 'Inicio' },
  'repatriation.end': { en: 'End', es: 'Fin' },
  'repatriation.addWindow': { en: 'Add a window', es: 'Agregar una ventana' },
  'repatriation.removeWindow': { en: 'Remove', es: 'Quitar' },
  'repatriation.windowsHint': {
    en: 'Times are HH:MM, 24-hour. An end at or before the start runs past midnight and belongs to the day it starts.',
    es: 'Horas en formato HH:MM de 24 horas. Un fin igual o anterior al inicio cruza la medianoche y pertenece al día en que empieza.',
  },
  'repatriation.daylightStart': { en: 'Vulnerable persons from', es: 'Personas vulnerables desde' },
  'repatriation.daylightEnd': { en: 'Vulnerable persons until', es: 'Personas vulnerables hasta' },
  'repatriation.noticeHours': { en: 'Consular notice (hours ahead)', es: 'Notificación consular (horas antes)' },
  'repatriation.exConvictNoticeHours': {
    en: 'Ex-convicts’ notice (hours ahead)',
    es: 'Aviso para exconvictos (horas antes)',
  },
  'repatriation.capacity': { en: 'Capacity per window (persons)', es: 'Capacidad por ventana (personas)' },
  'repatriation.exConvictPorts': { en: 'Ports designated for ex-convicts', es: 'Puertos designados para exconvictos' },
  'repatriation.illustrativeCheckbox': {
    en: 'Illustrative: these are not the official hours',
    es: 'Ilustrativo: no es el horario oficial',
  },
  'repatriation.preview': { en: 'The resulting week', es: 'La semana resultante' },
  'repatriation.previewAt': { en: 'At {port}, on the {zone} clock', es: 'En {port}, con el reloj de {zone}' },
  'repatriation.previewPending': {
    en: 'Complete the form to see the week.',
    es: 'Complete el formulario para ver la semana.',
  },
  'repatriation.saveArrangement': { en: 'Save arrangement', es: 'Guardar arreglo' },
  'repatriation.arrangementSaved': { en: 'Arrangement saved.', es: 'Arreglo guardado.' },
  'repatriation.loadCurrent': { en: 'Load the current version', es: 'Cargar la versión actual' },
  'movementStatus.planned': { en: 'planned', es: 'previsto' },
  'movementStatus.confirmed': { en: 'received', es: 'recibido' },
  'movementStatus.cancelled': { en: 'cancelled', es: 'cancelado' },
});
