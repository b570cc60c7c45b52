import { describe, expect, it } from 'vitest';
import { mergeCatalogues } from '@shared/catalogues.js';
import { eventKinds } from '@shared/events.js';
import { messages } from '@shared/i18n/index.js';
import { incidentMessages } from '@shared/incidents/messages.js';
import { sarMessages } from '@shared/sar/messages.js';

describe('catalogues composed from the features', () => {
  it('refuse a key two features both define, instead of letting the second replace the first', () => {
    const incidents = { 'incident.created': 'incident payload' };
    const sar = { 'sar.updated': 'sar payload', 'incident.created': 'a careless copy' };
    expect(() => mergeCatalogues('event kind', incidents, sar)).toThrow(
      'event kind "incident.created" is defined twice',
    );
  });

  it('hold every feature’s keys, each with its own feature’s text', () => {
    const merged = mergeCatalogues('message key', incidentMessages, sarMessages);
    expect(Object.keys(merged)).toHaveLength(Object.keys(incidentMessages).length + Object.keys(sarMessages).length);
    // The console's own catalogues compose (a duplicate would have thrown on import).
    for (const [key, text] of Object.entries(sarMessages)) expect(messages[key as keyof typeof messages]).toBe(text);
    expect(eventKinds).toContain('sar.updated');
  });
});
