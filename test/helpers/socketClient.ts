/** A real socket.io-client typed with the shared event map, recording everything it receives. */
import { io, type Socket } from 'socket.io-client';
import type { Change, ClientToServerEvents, ServerToClientEvents, SocketAuth } from '../../shared/events.js';
import type { PublicState } from '../../shared/state.js';

export type RecordingClient = {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  changes: Change[];
  snapshots: PublicState[];
  lastSeq(): string | undefined;
  close(): void;
};

export function connectClient(url: string, auth: SocketAuth): RecordingClient {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const client: RecordingClient = {
    socket,
    changes: [],
    snapshots: [],
    lastSeq: () => client.changes.at(-1)?.seq ?? client.snapshots.at(-1)?.seq,
    close: () => socket.close(),
  };
  socket.on('change', (c) => client.changes.push(c));
  socket.on('snapshot', (s) => client.snapshots.push(s));
  return client;
}

export function connected(client: RecordingClient): Promise<void> {
  return new Promise((resolve, reject) => {
    if (client.socket.connected) return resolve();
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', (err) => reject(err));
  });
}
