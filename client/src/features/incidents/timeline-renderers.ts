import type { TimelineRenderers } from '@client/lib/feature.js';

const peopleFields = ['rescued', 'injured', 'deceased'] as const;

/** How the incident's own steps read on its timeline (the kinds of shared/incidents/timeline.ts). */
export const incidentTimelineRenderers = {
  reported: (_, { t }) => ({ verb: t('timeline.reported'), detail: null }),
  status: ({ data: { from, to } }, { t }) => ({
    verb: t('timeline.status'),
    detail: t('timeline.change', { from: t(`status.${from}`), to: t(`status.${to}`) }),
  }),
  severity: ({ data: { from, to } }, { t }) => ({
    verb: t('timeline.severity'),
    detail: t('timeline.change', { from: t(`severity.${from}`), to: t(`severity.${to}`) }),
  }),
  /** Only the counts that changed, before → after. */
  people: ({ data: { from, to } }, { t }) => ({
    verb: t('timeline.people'),
    detail:
      peopleFields
        .filter((name) => from[name] !== to[name])
        .map((name) => t('timeline.countChange', { label: t(`incidentField.${name}`), from: from[name], to: to[name] }))
        .join(' · ') || null,
  }),
  summary: (_, { t }) => ({ verb: t('timeline.summary'), detail: null }),
  note: (_, { t }) => ({ verb: t('timeline.note'), detail: null }),
  acknowledged: ({ data: { government } }, { t }) => ({
    verb: t('timeline.acknowledgedFor', { government: t(`government.${government}`) }),
    detail: null,
  }),
  escalated: ({ data: { pending } }, { t }) => ({
    verb: t('timeline.escalated'),
    detail: t('centralDesk.missing', { governments: pending.map((g) => t(`government.${g}`)).join(', ') }),
  }),
  investigation: (_, { t }) => ({ verb: t('timeline.investigation'), detail: null }),
} satisfies TimelineRenderers;
