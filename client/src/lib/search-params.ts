import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

type SearchSchema = z.ZodObject<Record<string, z.ZodType<string | undefined>>>;

/**
 * A page's search parameters, parsed by its zod schema: typed, and a value the schema
 * rejects (a hand-edited or outdated link) is dropped rather than trusted. Give each
 * field `.optional().catch(undefined)` so one bad value doesn't discard the others.
 * The setter merges; undefined or empty values leave the URL.
 */
export function useValidatedSearchParams<S extends SearchSchema>(
  schema: S,
): [z.output<S>, (changes: Partial<z.output<S>>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  // `searchParams` changes identity only when the URL's search does: one parse per change.
  const parsed = useMemo(() => parseSearch(schema, searchParams), [schema, searchParams]);

  const update = useCallback(
    (changes: Partial<z.output<S>>) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return [parsed, update];
}

function parseSearch<S extends SearchSchema>(schema: S, params: URLSearchParams): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(params));
  return result.success ? result.data : schema.parse({});
}
