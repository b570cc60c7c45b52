import type { Messages } from './en.js';

/** Spanish catalogue: same keys as en.ts, same placeholders. */
export const es: Messages = {
  'app.title': 'Consola de Operaciones Fronterizas',

  'validation.required': 'es obligatorio',
  'validation.type': 'debe ser de tipo {expected}',
  'validation.tooSmall': 'debe ser al menos {minimum}',
  'validation.tooBig': 'debe ser como máximo {maximum}',
  'validation.tooShort': 'no debe estar vacío',
  'validation.tooLong': 'debe tener como máximo {maximum} caracteres',
  'validation.oneOf': 'debe ser uno de: {values}',
  'validation.format': 'no es un {format} válido',
  'validation.datetime': 'debe ser una fecha y hora con desfase UTC, p. ej. 2026-07-04T14:30:00-07:00',
  'validation.pattern': 'tiene un formato incorrecto',
  'validation.unknownField': 'no es un campo conocido',
  'validation.invalid': 'no es válido',
  'validation.body': 'el cuerpo de la solicitud debe ser JSON',

  'error.unauthorized': 'Inicie sesión.',
  'error.badCredentials': 'Usuario o contraseña incorrectos.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.outOfScope': 'Esto pertenece a otro mecanismo de enlace.',
  'error.notFound': 'No encontrado.',
  'error.tooManyRequests': 'Demasiados intentos. Espere un minuto e intente de nuevo.',
  'error.internal': 'Algo falló en el servidor. El incidente no se modificó; intente de nuevo.',
  'error.versionConflict': 'Otra persona modificó este incidente. Revise el estado actual e intente de nuevo.',
  'error.transition': 'no puede pasar de {from} a {to}',
  'error.investigationRequired': 'se requiere una investigación (dependencia responsable, referencia del caso, estado) antes de cerrar este tipo de incidente',
};
