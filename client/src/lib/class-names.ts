/** One `className` from a component's own classes and the caller's; false, null and undefined are left out. */
export function classNames(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
