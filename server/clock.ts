/** Time as the server sees it; tests inject their own to move past deadlines without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
