/**
 * A thin Socket.IO client for the bench's swarm: Engine.IO v4 / Socket.IO v5 over a `ws`
 * websocket, the same wire protocol a browser's socket.io-client speaks, without its layers
 * of emitters, reconnection and buffering. A thousand socket.io-clients in one process used
 * most of a core on this 2-core machine (72% in JS alone, measured), CPU the server under
 * test then lacked; the raw baseline and the product are both measured with this client.
 *
 * Protocol (https://socket.io/docs/v4/socket-io-protocol/): the server opens with `0{...}`;
 * the client connects to the main namespace with `40{auth}`; the server answers `40{sid}` or
 * `44{message}`; events arrive as `42["name",payload]`; the server pings with `2`, the client
 * answers `3`. Binary and acknowledgements are not used by the dashboard, so not handled.
 *
 * A `change` event is read from its head only (type, report id, send time): the swarm needs
 * nothing else, and parsing whole 3 KB dispatches' changes (tension, troops, meetings; about
 * 5 KB a report) on 1,000 sockets held the swarm's core at 100%, so the e2e.dispatch figures
 * measured the swarm's backlog (seconds) and the sockets it lost for answering pings late.
 */
import WebSocket from 'ws';

export type LeanSocket = {
  readonly connected: boolean;
  close(): void;
};

/** What the swarm reads of a change: its type, and the report id (report.added) or send time (raw). */
export type ChangeHead = { type: string; id?: string; sentAt?: number };

/** The head of a change frame as the server writes it: `42["change",{"type":…,"id":…` (raw: `,"n":…,"sentAt":…`). */
const CHANGE_PREFIX = Buffer.from('42["change",{"type":"');
const CHANGE_HEAD = /^42\["change",\{"type":"([^"]+)"(?:,"id":"([^"]*)")?(?:,"n":\d+,"sentAt":([\d.]+))?/;
const HEAD_BYTES = 160;

export type LeanHandlers = {
  onChange(head: ChangeHead): void;
  onEvent(name: string, payload: unknown): void;
  onConnect(): void;
  onError(err: Error): void;
};

export function openLeanSocket(url: string, auth: Record<string, unknown>, handlers: LeanHandlers): LeanSocket {
  const target = new URL('/socket.io/', url.replace(/^http/, 'ws'));
  target.searchParams.set('EIO', '4');
  target.searchParams.set('transport', 'websocket');
  const ws = new WebSocket(target, { perMessageDeflate: false });
  let connected = false;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) return;
    if (
      data.length > CHANGE_PREFIX.length &&
      data.compare(CHANGE_PREFIX, 0, CHANGE_PREFIX.length, 0, CHANGE_PREFIX.length) === 0
    ) {
      onChangeFrame(data);
      return;
    }
    const text = data.toString();
    switch (text.charCodeAt(0)) {
      case 0x30: // '0' open: join the main namespace with the auth payload
        ws.send(`40${JSON.stringify(auth)}`);
        return;
      case 0x32: // '2' ping
        ws.send('3');
        return;
      case 0x34: // '4' message: a Socket.IO packet
        onPacket(text);
        return;
    }
  });
  ws.on('error', (err) => handlers.onError(err));
  ws.on('close', () => {
    connected = false;
  });

  function onChangeFrame(data: Buffer): void {
    const head = CHANGE_HEAD.exec(data.toString('latin1', 0, Math.min(data.length, HEAD_BYTES)));
    if (!head) {
      // Not in the expected order: read it whole.
      const [, payload] = JSON.parse(data.toString().slice(2)) as [string, ChangeHead];
      handlers.onChange(payload);
      return;
    }
    const [, type, id, sentAt] = head;
    handlers.onChange({ type, id, sentAt: sentAt === undefined ? undefined : Number(sentAt) });
  }

  function onPacket(text: string): void {
    const type = text.charCodeAt(1);
    if (type === 0x32) {
      // '2' EVENT: `42["name",payload]`
      const [name, payload] = JSON.parse(text.slice(2)) as [string, unknown];
      if (name === 'change')
        handlers.onChange(payload as ChangeHead); // not in the expected key order
      else handlers.onEvent(name, payload);
    } else if (type === 0x30) {
      // '0' CONNECT accepted
      connected = true;
      handlers.onConnect();
    } else if (type === 0x34) {
      // '4' CONNECT_ERROR
      const { message } = JSON.parse(text.slice(2)) as { message?: string };
      handlers.onError(new Error(message ?? 'connect_error'));
      ws.close();
    } else if (type === 0x31) {
      // '1' DISCONNECT by the server
      connected = false;
      ws.close();
    }
  }

  return {
    get connected() {
      return connected && ws.readyState === WebSocket.OPEN;
    },
    close() {
      connected = false;
      ws.close();
    },
  };
}
