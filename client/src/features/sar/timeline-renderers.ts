import type { SarTimelineData } from '@shared/sar/timeline.js';
import type { TimelineRenderers } from '@client/lib/feature.js';
import type { I18n } from '@client/lib/i18n.js';

/** What a step changed, beyond its verb: the sector (and its status before → after), or how it ended. */
function sarDetail(data: SarTimelineData, t: I18n['t']): string | null {
  switch (data.change) {
    case 'sector':
      return data.sector;
    case 'sectorStatus':
      return `${data.sector}: ${t('timeline.change', { from: t(`sectorStatus.${data.from}`), to: t(`sectorStatus.${data.to}`) })}`;
    case 'closed':
      return t(`sarOutcome.${data.outcome}`);
    default:
      return null;
  }
}

/** How search-and-rescue steps read on the incident's timeline and in the operation's log. */
export const sarTimelineRenderers = {
  sar: ({ data }, { t }) => ({ verb: t(`sarTimeline.${data.change}`), detail: sarDetail(data, t) }),
} satisfies TimelineRenderers;
