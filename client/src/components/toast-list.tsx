import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { classNames } from '@client/lib/class-names.js';
import { useI18n } from '@client/lib/i18n.js';
import { Button } from './button.js';
import './toast-list.css';

/** A toast on screen; `key` is new each time it is shown, so a toast shown again starts its own time. */
export interface ShownToast<T> {
  key: number;
  toast: T;
}

/**
 * A feature's toasts, newest first: `show` puts one on top (replacing a toast about the same
 * thing), `dismiss` takes one away, `update` changes one while it is shown (its time runs on).
 */
export function useToasts<T extends { id: string }>() {
  const [toasts, setToasts] = useState<ReadonlyArray<ShownToast<T>>>([]);
  const count = useRef(0);
  const show = useCallback((toast: T) => {
    const key = ++count.current;
    setToasts((current) => [{ key, toast }, ...current.filter((other) => other.toast.id !== toast.id)]);
  }, []);
  const dismiss = useCallback(
    (id: string) => setToasts((current) => current.filter((shown) => shown.toast.id !== id)),
    [],
  );
  const update = useCallback(
    (id: string, change: (toast: T) => T) =>
      setToasts((current) =>
        current.map((shown) => (shown.toast.id === id ? { ...shown, toast: change(shown.toast) } : shown)),
      ),
    [],
  );
  return { toasts, show, dismiss, update };
}

/** A feature's stack of toasts; the shell puts every feature's stack in one region below the header. */
export function ToastList({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className={classNames('toasts', className)} aria-live="assertive">
      {children}
    </div>
  );
}

interface ToastProps {
  /** The headline, in the reader's language. */
  title: ReactNode;
  /** The line under the badges, cut to two lines. */
  summary?: ReactNode;
  /** Its links and buttons; Close comes last. */
  actions?: ReactNode;
  /** How long it stays, from when it appeared; pointing at it or focusing it pauses the count. */
  lifetimeMs: number;
  onDismiss: () => void;
  /** A class that colours its edge (`--edge`). */
  className?: string;
  testId?: string;
  /** What comes between the title and the summary: badges, a place. */
  children?: ReactNode;
}

/**
 * One toast, on its own timer: other toasts arriving never restart it, so a newer one never
 * keeps an older one up.
 */
export function Toast({ title, summary, actions, lifetimeMs, onDismiss, className, testId, children }: ToastProps) {
  const { t } = useI18n();
  const [paused, setPaused] = useState(false);
  const left = useRef(lifetimeMs);

  // A re-render restarts the timeout with what is left of the time, never with all of it.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(onDismiss, left.current);
    return () => {
      clearTimeout(timer);
      left.current -= Date.now() - started;
    };
  }, [paused, onDismiss]);

  return (
    <div
      className={classNames('toast', className)}
      role="alert"
      data-testid={testId}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <strong>{title}</strong>
      {children}
      {summary && <p className="toast-summary">{summary}</p>}
      <div className="toast-actions">
        {actions}
        <Button onClick={onDismiss}>{t('common.close')}</Button>
      </div>
    </div>
  );
}
