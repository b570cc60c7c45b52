/** The soak's arithmetic (tests/bench/soak.ts), kept apart from its sockets. */

/** Nearest-rank percentile; NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Slope of the least-squares line through the points (y per unit of x); NaN for fewer than two. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** One bit per incident, per client: whether that client has had the incident's `incident.created`. */
export class DeliveryBits {
  private readonly bits: Uint8Array;
  private readonly stride: number;

  constructor(clients: number, incidents: number) {
    this.stride = Math.ceil(incidents / 8);
    this.bits = new Uint8Array(clients * this.stride);
  }

  /** Marks the delivery; false if the client already had it (a duplicate). */
  mark(client: number, incident: number): boolean {
    const at = client * this.stride + (incident >> 3);
    const bit = 1 << (incident & 7);
    if (this.bits[at]! & bit) return false;
    this.bits[at]! |= bit;
    return true;
  }

  has(client: number, incident: number): boolean {
    return (this.bits[client * this.stride + (incident >> 3)]! & (1 << (incident & 7))) !== 0;
  }
}

/** Reads the unsigned decimal at `at` in `buf`; -1 if there is no digit there. */
export function digitsAt(buf: Buffer, at: number): { value: number; end: number } {
  let value = 0;
  let i = at;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
  }
  return { value: i === at ? -1 : value, end: i };
}
