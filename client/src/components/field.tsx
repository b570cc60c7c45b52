import type { ReactNode } from 'react';
import './field.css';

interface Props {
  label: string;
  /** Shown beside the input, already in the user's language. */
  error?: string;
  children: ReactNode;
  className?: string;
}

/** A labelled form control with its validation message beside it. */
export function Field({ label, error, children, className }: Props) {
  return (
    <label className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <span className="field-label">{label}</span>
      {children}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
