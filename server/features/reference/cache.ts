/**
 * A value read once and kept until `invalidate()` or until it is `ttlMs` old. In-process
 * writers invalidate at once; the age limit bounds how long another instance's change goes
 * unseen here. A failed load is not kept.
 */
export function cached<T>(load: () => Promise<T>, ttlMs: number, now: () => number) {
  let entry: { value: Promise<T>; loadedAt: number } | null = null;
  return {
    get(): Promise<T> {
      if (!entry || now() - entry.loadedAt > ttlMs) {
        const value = load();
        const loading = { value, loadedAt: now() };
        entry = loading;
        value.catch(() => {
          if (entry === loading) entry = null;
        });
      }
      return entry.value;
    },
    invalidate(): void {
      entry = null;
    },
  };
}
