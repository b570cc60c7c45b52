/** Query keys of the advisories feature: the api modules and the live bridge agree on them here. */
export const advisoryKeys = {
  all: () => ['advisories'] as const,
  lists: () => ['advisories', 'list'] as const,
  list: (active: boolean) => ['advisories', 'list', { active }] as const,
  detail: (id: string) => ['advisories', 'detail', id] as const,
};
