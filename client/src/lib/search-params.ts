import { useCallback, useContext, type ContextType, useLayoutEffect, useMemo, useRef } from 'react';
import { UNSAFE_DataRouterContext, useLocation, useSearchParams } from 'react-router';
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
 * page is loading, cancel it and keep the user here. The router is asked at the moment of
 * writing: the render that would report the move can lag behind it (the router updates
 * in a transition).
 */
export function useValidatedSearchParams<S extends SearchSchema>(
  schema: S,
): [z.output<S>, (changes: Partial<z.output<S>>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const { pathname } = useLocation();
  const router = useContext(UNSAFE_DataRouterContext)?.router;
  // Parsed once per change of the URL's search (`searchParams` changes identity only then).
  const parsed = useMemo(() => parseSearch(schema, searchParams), [schema, searchParams]);

  const page = useRef(pathname);
  page.current = pathname;
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
      if (!shown.current || (router && leaving(router.state, page.current))) return;
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

type RouterState = NonNullable<ContextType<typeof UNSAFE_DataRouterContext>>['router']['state'];

/** The URL already shows another page, or a move to one is under way. */
function leaving({ location, navigation }: RouterState, pathname: string): boolean {
  return location.pathname !== pathname || (navigation.state !== 'idle' && navigation.location.pathname !== pathname);
}

function parseSearch<S extends SearchSchema>(schema: S, params: URLSearchParams): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(params));
  return result.success ? result.data : schema.parse({});
}
