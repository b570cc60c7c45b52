import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import type { z } from 'zod';

type SearchSchema = z.ZodObject<Record<string, z.ZodType<string | undefined>>>;

/**
 * A page's search parameters, parsed by its zod schema: typed, and a value the schema
 * rejects (a hand-edited or outdated link) is dropped rather than trusted. Give each
 * field `.optional().catch(undefined)` so one bad value doesn't discard the others.
 * The setter merges; undefined or empty values leave the URL.
 *
 * The setter writes only while its page is the one shown: React Router resolves `?…`
 * against the current location, so a late write (a map's `moveend` after the user left)
 * would land in another page's URL (`#/incidents?lng=…`), or, while a move to another
 * page is loading, cancel it and keep the user here.
 */
export function useValidatedSearchParams<S extends SearchSchema>(
  schema: S,
): [z.output<S>, (changes: Partial<z.output<S>>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  // Parsed once per change of the URL's search (`searchParams` changes identity only then).
  const parsed = useMemo(() => parseSearch(schema, searchParams), [schema, searchParams]);

  const leaving = useRef(false);
  leaving.current = navigation.state !== 'idle' && navigation.location.pathname !== pathname;
  // A layout effect's cleanup runs as the page leaves the DOM, before any resize or paint can call the setter.
  const shown = useRef(false);
  useLayoutEffect(() => {
    shown.current = true;
    return () => {
      shown.current = false;
    };
  }, []);

  const update = useCallback(
    (changes: Partial<z.output<S>>) => {
      if (!shown.current || leaving.current) return;
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
      );
    },
    [setSearchParams],
  );

  return [parsed, update];
}

function parseSearch<S extends SearchSchema>(schema: S, params: URLSearchParams): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(params));
  return result.success ? result.data : schema.parse({});
}
