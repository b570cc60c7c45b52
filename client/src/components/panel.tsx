import { useId, type ComponentProps, type ReactNode } from 'react';
import { classNames } from '@client/lib/class-names.js';
import './panel.css';

interface Props extends Omit<ComponentProps<'section'>, 'title'> {
  /** The panel's heading, which also names it for screen readers (a region of the page). */
  title: ReactNode;
  testId?: string;
}

/** A titled card of a page: the incident's acknowledgements, who is on duty, who to call. */
export function Panel({ title, testId, className, children, ...rest }: Props) {
  const titleId = useId();
  return (
    <section {...rest} className={classNames('panel', className)} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
