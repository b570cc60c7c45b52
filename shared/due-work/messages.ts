import { defineMessages } from '@shared/i18n/define.js';

/** Work set aside (server/core/due-work.ts), for administrators. English and Spanish side by side. */
export const dueWorkMessages = defineMessages({
  'nav.dueWork': { en: 'Failed work', es: 'Tareas fallidas' },
  'dueWork.title': { en: 'Work set aside', es: 'Tareas apartadas' },
  'dueWork.intro': {
    en: 'Scheduled work (escalations, expiries, deadlines, roster warnings) that failed on every attempt allowed, or whose data could not be read. It is not run again until you retry it.',
    es: 'Tareas programadas (escalamientos, vencimientos, plazos, avisos de guardia) que fallaron en todos los intentos permitidos o cuyos datos no se pudieron leer. No se vuelven a ejecutar hasta que usted las reintente.',
  },
  'dueWork.none': { en: 'No work is set aside.', es: 'No hay tareas apartadas.' },
  'dueWork.kind': { en: 'Work', es: 'Tarea' },
  'dueWork.subject': { en: 'About', es: 'Sobre' },
  'dueWork.attempts': { en: 'Attempts', es: 'Intentos' },
  'dueWork.lastError': { en: 'Last error', es: 'Último error' },
  'dueWork.setAsideAt': { en: 'Set aside', es: 'Apartada' },
  'dueWork.unknownKind': {
    en: 'Work this version of the console does not know ({kind})',
    es: 'Tarea que esta versión de la consola no conoce ({kind})',
  },
  'dueWork.reason.attempts': { en: 'Failed on every attempt', es: 'Falló en todos los intentos' },
  'dueWork.reason.payload': { en: 'Its data could not be read', es: 'Sus datos no se pudieron leer' },
  'dueWork.retry': { en: 'Retry', es: 'Reintentar' },
  'dueWork.retrying': { en: 'Retrying…', es: 'Reintentando…' },
  'dueWork.retried': {
    en: 'Back in the queue: it runs in a moment.',
    es: 'De vuelta en la cola: se ejecuta en un momento.',
  },
  'dueWorkError.notSetAside': {
    en: 'This work is no longer set aside (someone retried it already).',
    es: 'Esta tarea ya no está apartada (alguien ya la reintentó).',
  },
});
