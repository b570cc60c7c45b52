import { liveCloseCodes, type LiveEvent, type ServerMessage } from '@shared/events.js';

export type LiveState = 'live' | 'down';

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * "Full jitter" exponential backoff: spreads reconnects of many consoles after a server
 * restart instead of having them all knock at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/**
 * The websocket to the event hub. Remembers the last `seq` it saw and resubscribes from
 * it after a drop, so the server replays exactly what was missed; when the server answers
 * `reset` (it can't replay from there), carries on from its seq and calls `onResync`.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly onEvent: (event: LiveEvent) => void,
    private readonly onState: (state: LiveState) => void,
    private readonly onResync: () => void = () => {},
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onmessage = (message) => this.receive(socket, JSON.parse(String(message.data)) as ServerMessage);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.onState('down');
      // Told to resume (this page fell behind): at once, from the last seq, no backoff.
      const delay = event.code === liveCloseCodes.resume ? 0 : backoffDelay(this.attempt++);
      if (!this.stopped) this.retryTimer = setTimeout(() => this.connect(), delay);
    };
  }

  private receive(socket: WebSocket, message: ServerMessage): void {
    if (message.type === 'hello') {
      // First connection: start from the head of the log; afterwards: replay the gap.
      this.lastSeq ??= message.seq;
      socket.send(JSON.stringify({ type: 'subscribe', since: this.lastSeq }));
      this.attempt = 0;
      this.onState('live');
    } else if (message.type === 'reset') {
      this.lastSeq = message.seq;
      this.onResync();
    } else if (message.type === 'event' && this.lastSeq !== null && message.seq > this.lastSeq) {
      this.lastSeq = message.seq;
      const { type: _type, ...event } = message;
      this.onEvent(event);
    }
  }
}

export function liveUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
