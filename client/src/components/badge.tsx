import type { ComponentProps } from 'react';
import { classNames } from '@client/lib/class-names.js';
import './badge.css';

/**
 * The badge colours, by what they say (a feature maps its values onto them: a resolved incident
 * and an open port are both `ok`). No tone: a plain grey label.
 */
export type BadgeTone = 'ok' | 'info' | 'warning' | 'caution' | 'danger' | 'outline';

interface Props extends ComponentProps<'span'> {
  tone?: BadgeTone | null;
}

/** A short label beside what it describes: a status, a severity, a count, a flag. */
export function Badge({ tone, className, ...rest }: Props) {
  return <span {...rest} className={classNames('badge', tone && `tone-${tone}`, className)} />;
}

/** Badges side by side. */
export function Badges({ className, ...rest }: ComponentProps<'span'>) {
  return <span {...rest} className={classNames('badges', className)} />;
}
