/** Query keys of the due-work feature: the api modules and the live bridge agree on them here. */
export const dueWorkKeys = {
  setAside: () => ['due-work', 'set-aside'] as const,
};
