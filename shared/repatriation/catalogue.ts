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
  'repatriationRefusal.noticeRecorded': {
    en: 'The consular notice is already recorded.',
    es: 'La notificación consular ya está registrada.',
  },
  'movementStatus.planned': { en: 'planned', es: 'previsto' },
  'movementStatus.confirmed': { en: 'received', es: 'recibido' },
  'movementStatus.cancelled': { en: 'cancelled', es: 'cancelado' },
});
