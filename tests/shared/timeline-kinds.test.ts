import { describe, expect, it } from 'vitest';
import { checklistTimelineKinds } from '@shared/checklists/timeline.js';
import { incidentTimelineKinds } from '@shared/incidents/timeline.js';
import { sarTimelineKinds } from '@shared/sar/timeline.js';
import { timelineEntry, timelineKinds } from '@shared/timeline.js';

const written = { id: '7', text: null, by: 'Jordan Placeholder', at: '2026-07-04T21:05:00.000Z' };

describe('incident timeline kinds, contributed by the features', () => {
  it('hold the incident’s own kinds and each add-on’s, once each', () => {
    expect(Object.keys(timelineKinds).sort()).toEqual(
      [
        ...Object.keys(incidentTimelineKinds),
        ...Object.keys(checklistTimelineKinds),
        ...Object.keys(sarTimelineKinds),
      ].sort(),
    );
    expect(Object.keys(timelineKinds)).toEqual(expect.arrayContaining(['reported', 'status', 'checklist', 'sar']));
  });

  it('read an entry’s data by its kind: what a kind records, nothing a reader would have to guess at', () => {
    const searched = { change: 'sectorStatus', sector: 'A1', from: 'assigned', to: 'searched' };
    expect(timelineEntry.parse({ ...written, kind: 'sar', data: searched }).data).toEqual(searched);
    // An unknown status, a sector that is not a name, a step of no kind: refused, not shown as labels.
    expect(timelineEntry.safeParse({ ...written, kind: 'sar', data: { ...searched, to: 'lost' } }).success).toBe(false);
    expect(timelineEntry.safeParse({ ...written, kind: 'sar', data: { ...searched, sector: 7 } }).success).toBe(false);
    expect(timelineEntry.safeParse({ ...written, kind: 'sar', data: { change: 'teleported' } }).success).toBe(false);
    expect(timelineEntry.safeParse({ ...written, kind: 'checklist', data: { checklist: 'tsunami' } }).success).toBe(
      false,
    );
    expect(timelineEntry.safeParse({ ...written, kind: 'hearsay', data: {} }).success).toBe(false);
  });

  it('still read acknowledgements written before they named the tiers they covered', () => {
    const older = { ...written, kind: 'acknowledged', data: { government: 'MX', tier: 'local' } };
    expect(timelineEntry.parse(older).data).toEqual({ government: 'MX' });
  });
});
