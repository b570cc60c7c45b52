import { stepText } from '@shared/checklists/rules.js';
import type { TimelineRenderers } from '@client/lib/feature.js';

/** How checklist steps read on the incident's timeline: started, ticked or unticked, and the step's text. */
export const checklistTimelineRenderers = {
  checklist: ({ data: { checklist, step, done } }, { t, pick }) => {
    const kind = t(`checklistKind.${checklist}`);
    const text = step === null ? null : stepText(checklist, step);
    return {
      verb:
        done === null
          ? t('timeline.checklistStarted', { kind })
          : t(done ? 'timeline.checklistTicked' : 'timeline.checklistUnticked', { kind }),
      detail: text && pick(text),
    };
  },
} satisfies TimelineRenderers;
