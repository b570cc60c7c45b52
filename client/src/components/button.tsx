import { useId, type ComponentProps } from 'react';
import { classNames } from '@client/lib/class-names.js';
import './button.css';

const variants = { primary: 'primary', link: 'link-button' } as const;

interface Props extends ComponentProps<'button'> {
  /** `primary`: the one action a form or card is for; `link`: reads as a link, acts in place. */
  variant?: keyof typeof variants;
  /**
   * Why the button can't be used now, in the reader's language: the button is disabled and
   * says why (its tooltip, and its description to a screen reader) instead of only greying out.
   */
  disabledReason?: string | null;
}

/** A button of the console; `type="button"` unless it submits, so none submits a form by accident. */
export function Button({
  variant,
  disabledReason,
  disabled,
  className,
  type = 'button',
  title,
  'aria-describedby': describedBy,
  ...rest
}: Props) {
  const reasonId = useId();
  return (
    <>
      <button
        {...rest}
        type={type}
        className={classNames(variant && variants[variant], className) || undefined}
        disabled={disabled || Boolean(disabledReason)}
        title={disabledReason || title}
        aria-describedby={classNames(describedBy, disabledReason && reasonId) || undefined}
      />
      {disabledReason && (
        <span id={reasonId} hidden>
          {disabledReason}
        </span>
      )}
    </>
  );
}
