import type { ReactNode } from 'react';
import './popup-card.css';

interface Props {
  /** What kind of record this is ("Port of entry"), already in the user's language. */
  kind: string;
  title: string;
  testId: string;
  children?: ReactNode;
}

/** The body of a map popup: every overlay's popups look alike. */
export function PopupCard({ kind, title, testId, children }: Props) {
  return (
    <div className={`popup ${testId}`} data-testid={testId}>
      <div className="popup-kind">{kind}</div>
      <h3>{title}</h3>
      {children}
    </div>
  );
}

/** A labelled line of a popup ("Status: open"). */
export function PopupLine({ label, value }: { label: string; value: string }) {
  return (
    <p>
      <span className="popup-label">{label}: </span>
      {value}
    </p>
  );
}
