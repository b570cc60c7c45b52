import { ExerciseBadge } from './exercise-badge.js';
import { ZonedTime } from './zoned-time.js';

/** One line of a timeline, already in words. */
export interface TimelineItem {
  id: string;
  at: string;
  /** Who did it, as the reader should see them named. */
  by: string;
  /** What they did, after their name ("changed the status"). */
  verb: string;
  /** What it changed, after the verb ("Reported → Responding"), if it says more. */
  detail?: string | null;
  /** Free text the entry carries (a note, the summary), below the line. */
  text?: string | null;
  /** Written in an exercise (a drill): marked as such. */
  exercise?: boolean;
  /** What kind of entry it is (`data-kind`, for styles and tests). */
  kind?: string;
}

/**
 * A history, oldest first: each entry's time in the place's zone (and the reader's, where it
 * differs), who, what they did and what it changed. The incident's timeline and the
 * search-and-rescue log are both this list.
 */
export function Timeline({
  items,
  timeZone,
  testId = 'timeline',
}: {
  items: readonly TimelineItem[];
  timeZone: string;
  testId?: string;
}) {
  return (
    <ol className="timeline" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} data-kind={item.kind}>
          <ZonedTime iso={item.at} timeZone={timeZone} /> <strong>{item.by}</strong> {item.verb}
          {item.detail && <span className="timeline-change">: {item.detail}</span>}
          {item.exercise && (
            <>
              {' '}
              <ExerciseBadge />
            </>
          )}
          {item.text && <p className="timeline-text">{item.text}</p>}
        </li>
      ))}
    </ol>
  );
}
