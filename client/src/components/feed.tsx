import type { ComponentProps, ReactNode } from 'react';
import { Link } from 'react-router';
import { classNames } from '@client/lib/class-names.js';
import './feed.css';

/** A list of records, one card each (the incident feed, the central desk, the mechanisms). */
export function Feed({ className, ...rest }: ComponentProps<'ul'>) {
  return <ul {...rest} className={classNames('feed', className)} />;
}

interface ItemProps extends Omit<ComponentProps<'li'>, 'title'> {
  /** The record's page: the whole card opens it. */
  to: string;
  title: ReactNode;
  /** Beside the card's link, not part of it (flags that have their own meaning). */
  aside?: ReactNode;
}

/** One record of a feed; a class setting `--edge` colours its left edge (an incident's severity). */
export function FeedItem({ to, title, aside, className, children, ...rest }: ItemProps) {
  return (
    <li {...rest} className={classNames('feed-row', className)}>
      <Link to={to} className="feed-link">
        <span className="feed-title">{title}</span>
        {children}
      </Link>
      {aside}
    </li>
  );
}
