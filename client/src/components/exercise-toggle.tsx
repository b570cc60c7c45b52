import type { ComponentProps } from 'react';
import { classNames } from '@client/lib/class-names.js';
import './exercise-toggle.css';

interface Props {
  /** "Exercise (drill)", in the reader's language. */
  label: string;
  /** What marking it does, under the label. */
  hint: string;
  checked: boolean;
  /** The checkbox's own props: the form's registration (`form.register('exercise')`). */
  input: ComponentProps<'input'>;
  testId?: string;
}

/** A form's "this is a drill" box: first in the form, so it is seen before anything else, and loud once ticked. */
export function ExerciseToggle({ label, hint, checked, input, testId }: Props) {
  return (
    <label className={classNames('exercise-toggle', checked && 'checked')}>
      <input type="checkbox" {...input} data-testid={testId} />
      <span>
        <strong>{label}</strong>
        <span className="muted">{hint}</span>
      </span>
    </label>
  );
}
