import fp from 'fastify-plugin';

/** Time as the server sees it; tests inject their own to move past deadlines without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

/** Makes the one clock of this instance available as `app.clock`. */
export const clockPlugin = fp<{ clock: Clock }>(
  async (app, { clock }) => {
    app.decorate('clock', clock);
  },
  { name: 'clock' },
);
