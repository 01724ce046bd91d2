/**
 * Presence a connection may publish (issue 12). An awareness update lists (client id, clock, state)
 * entries. A connection may only speak for Yjs client ids that no other connection on the document
 * controls, and at most a few of them; and whatever a client says about who it is, the server
 * writes the person of its session into `state.user.id` and `state.user.name` before anyone else
 * sees it. So nobody can appear as someone else, or overwrite another person's presence.
 *
 * Entries for other connections' ids are dropped, not refused: the standard y-websocket client
 * sends back every awareness change it hears (others' too), so an honest client repeats other
 * people's presence all the time. Dropped, they change nothing. So are entries for an id another
 * person used on this document before (their tab may be offline for a moment, and will come back
 * with the same id): nobody can take over a presence while its socket is down.
 *
 * A person who comes back after a dropped socket sends their presence with the clock they had,
 * but the server counted one more when it removed them; awareness keeps only newer clocks, so the
 * server raises the clock of a presence that left before this connection opened (`clockFloor`),
 * and the returning person shows at once instead of at their next renewal. A connection that was
 * open when it left may only be echoing it late, which must not bring it back.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Awareness } from "y-protocols/awareness";

/** A browser tab uses one client id; a few allow for a document reloaded in place. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

export type PresenceVerdict = { ok: true; update: Uint8Array; kept: number } | { ok: false; why: string };

/**
 * Checks and stamps one awareness update. `ownedByOther(id)` says whether another connection
 * controls that client id, or another person used it; `mine` is the set this connection already
 * controls; `clockFloor(id)` the lowest clock the server's awareness would take for that id as a
 * new presence (0 when it has a presence for it: then an older clock is simply out of date).
 */
export function stampPresence(
  update: Uint8Array,
  person: { userId: string; userName: string },
  ownedByOther: (clientId: number) => boolean,
  mine: ReadonlySet<number>,
  clockFloor: (clientId: number) => number = () => 0,
): PresenceVerdict {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: Array<[number, number, string]> = [];
  const claimed = new Set(mine);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (ownedByOther(clientId)) continue;
    claimed.add(clientId);
    if (claimed.size > MAX_CLIENT_IDS_PER_CONNECTION) return { ok: false, why: "presence for too many clients" };
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      return { ok: false, why: "presence that is not JSON" };
    }
    if (state !== null && (typeof state !== "object" || Array.isArray(state)))
      return { ok: false, why: "presence that is not an object" };
    const stamped = state === null ? null : stampPeople(state as Record<string, unknown>, person);
    entries.push([clientId, stamped === null ? clock : Math.max(clock, clockFloor(clientId)), JSON.stringify(stamped)]);
  }
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { ok: true, update: encoding.toUint8Array(encoder), kept: entries.length };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/**
 * Writes the session's person over every place a state names someone: its `user` (the editors'
 * carets and the people list) and the `user` of any top-level field (the step a person is on,
 * `step.user`). A state that names nobody is left as it is: it is never shown as a person, so
 * adding a `user` would make a presence appear where the page did not put one.
 */
function stampPeople(state: Record<string, unknown>, person: { userId: string; userName: string }) {
  const stamp = (user: unknown) => ({ ...(isObject(user) ? user : {}), id: person.userId, name: person.userName });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === "user") out.user = stamp(value);
    else if (isObject(value) && "user" in value) out[key] = { ...value, user: stamp(value.user) };
    else out[key] = value;
  }
  return out;
}

/**
 * Whose presence each client id of one open document is: the first person to publish under it
 * while the document is open, or the person who first wrote under it as an editor id (stored with
 * the document). Nobody else may publish under it, even while its owner's socket is down.
 */
export class PresenceBook {
  private readonly owners = new Map<number, string>();
  /** Who first wrote under each editor id (the write rules keep that). */
  editors: { ownerOf(clientId: number): string | undefined } | null = null;

  constructor(private readonly awareness: Awareness) {}

  record(clientId: number, personId: string | undefined) {
    if (personId !== undefined && !this.owners.has(clientId)) this.owners.set(clientId, personId);
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId) ?? this.editors?.ownerOf(clientId);
  }

  /** Counts joins and departures, to tell a presence coming back from a late echo of one that left. */
  private events = 0;
  private readonly joinedAt = new WeakMap<object, number>();
  private readonly leftAt = new Map<number, number>();

  joined(connection: object) {
    this.joinedAt.set(connection, ++this.events);
  }

  left(clientIds: Iterable<number>) {
    for (const id of clientIds) this.leftAt.set(id, ++this.events);
  }

  /**
   * The lowest clock `connection` needs to show a presence under this id: past the server's own if
   * the presence left before the connection opened (its owner coming back), else 0 (an older clock
   * is then simply out of date, and awareness drops it).
   */
  clockFloor(clientId: number, connection: object): number {
    if (this.awareness.states.has(clientId)) return 0;
    const left = this.leftAt.get(clientId);
    const joined = this.joinedAt.get(connection);
    if (left === undefined || joined === undefined || joined < left) return 0;
    return (this.awareness.meta.get(clientId)?.clock ?? 0) + 1;
  }
}
