/** Where the console opens, and where an unknown address offers to go. */
export const DEFAULT_PATH = '/map';
