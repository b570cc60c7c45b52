import { pathOf, queryString } from '@shared/http/endpoint.js';
import type { Language } from '@shared/i18n/index.js';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';

/**
 * GET …/contacts.vcf and …/on-duty.ics: links the browser downloads with the session cookie
 * (not calls), titles in `language`.
 */
export function exportLinks(id: string, language: Language) {
  const href = (path: string) => `${pathOf(path, { id })}${queryString({ lang: language })}`;
  return { vcards: href(endpoints.contactsFile.path), calendar: href(endpoints.onDutyCalendar.path) };
}
