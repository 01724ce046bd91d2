/**
 * Presence a connection may publish (issue 12). An awareness update lists (client id, clock, state)
 * entries. A connection may only speak for Yjs client ids that no other connection on the document
 * controls, and at most a few of them; and whatever a client says about who it is, the server
 * writes the person of its session into `state.user.id` and `state.user.name` before anyone else
 * sees it. So nobody can appear as someone else, or overwrite another person's presence.
 *
 * Entries for other connections' ids are dropped, not refused: the standard y-websocket client
 * sends back every awareness change it hears (others' too), so an honest client repeats other
 * people's presence all the time. Dropped, they change nothing.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** A browser tab uses one client id; a few allow for a document reloaded in place. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4;

export type PresenceVerdict = { ok: true; update: Uint8Array; kept: number } | { ok: false; why: string };

/**
 * Checks and stamps one awareness update. `ownedByOther(id)` says whether another connection
 * controls that client id; `mine` is the set this connection already controls.
 */
export function stampPresence(
  update: Uint8Array,
  person: { userId: string; userName: string },
  ownedByOther: (clientId: number) => boolean,
  mine: ReadonlySet<number>,
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
    entries.push([clientId, clock, JSON.stringify(stamped)]);
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
