/**
 * Pure: which stream a connection follows and where it is in it. A socket follows one stream
 * (a crisis, or the desk stream of every report); seqs are ids in that stream only, so the seq
 * kept for resuming must never be sent for another stream, and a change or snapshot of a stream
 * the client has switched away from must not be taken for the one it follows now.
 */
import type { Change, SocketAuth } from '../../../shared/events.js';
import type { PublicState } from '../../../shared/state.js';

/** The desk stream, a crisis by slug, or (slug undefined) the server's default crisis. */
export type StreamRequest = { desk: true } | { desk?: false; crisis: string | undefined };

export class StreamCursor {
  private request: StreamRequest;
  /**
   * The stream the server said it is sending, learned from its snapshot: a crisis' slug, or null
   * for the desk stream (also what the default is while no crisis exists). Undefined while waiting
   * for a snapshot (just connected, switched, or told the crisis is gone).
   */
  private current: string | null | undefined = undefined;
  private seq: string | undefined;

  constructor(request: StreamRequest) {
    this.request = request;
  }

  get following(): string | null | undefined {
    return this.current;
  }

  get lastSeq(): string | undefined {
    return this.seq;
  }

  /** Whether `slug` is the crisis followed or asked for (a notice about another one is stale). */
  isAbout(slug: string): boolean {
    return this.auth(undefined).crisis === slug;
  }

  /** The handshake for the next (re)connection: the stream followed, and the seq reached in it. */
  auth(token: string | undefined): SocketAuth {
    const auth: SocketAuth = token ? { token } : {};
    if (this.request.desk) {
      auth.desk = true;
      if (this.current === null && this.seq) auth.since = this.seq;
      return auth;
    }
    // Once the default crisis is known by its slug, ask for it by name: should the default change
    // while disconnected, a seq of the old one must not be read against the new one's stream.
    const crisis = typeof this.current === 'string' ? this.current : this.request.crisis;
    if (crisis) auth.crisis = crisis;
    if (typeof this.current === 'string' && this.seq) auth.since = this.seq;
    return auth;
  }

  /** Whether a snapshot is of the stream asked for; if so, it is followed from its seq on. */
  acceptSnapshot(state: PublicState): boolean {
    const wanted = this.request.desk ? null : this.request.crisis;
    // The default crisis is whichever the server picked (null while no crisis exists).
    if (wanted !== undefined && state.crisis !== wanted) return false;
    if (this.request.desk && state.crisis !== null) return false;
    this.current = state.crisis;
    this.seq = state.seq;
    return true;
  }

  /** Whether a change belongs to the stream followed; if so, its seq is the one to resume from. */
  acceptChange(change: Change): boolean {
    if (this.current === undefined || change.crisis !== this.current) return false;
    this.seq = change.seq;
    return true;
  }

  /** Follows another crisis: nothing is taken until its snapshot arrives, and no seq is sent for it. */
  select(crisis: string): void {
    this.request = { crisis };
    this.forget();
  }

  /**
   * The picture must be read whole again (the crisis is being rebuilt): until its snapshot comes,
   * a reconnection asks for a snapshot rather than resuming from a seq.
   */
  needSnapshot(): void {
    this.seq = undefined;
  }

  /** The crisis followed is gone (or was never there): follow nothing until another is chosen. */
  forget(): void {
    this.current = undefined;
    this.seq = undefined;
  }
}
