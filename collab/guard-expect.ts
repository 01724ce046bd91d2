import { expect } from "vitest";
import * as Y from "yjs";
import type { GuardedRoom } from "./guard-harness";

/** The server copy's encoded state, to compare before and after a refused change (tests only). */
export const snapshot = (room: GuardedRoom) => Buffer.from(Y.encodeStateAsUpdate(room.server));

/**
 * A modified client of `who` makes `edit` in one transaction: it must be refused, with a reason
 * matching `why`, and the server's copy must not change (tests only).
 */
export function expectRefused(
  room: GuardedRoom,
  who: { userId: string; isFacilitator?: boolean },
  edit: (doc: Y.Doc) => void,
  why: RegExp,
) {
  const before = snapshot(room);
  const count = room.refusals.length;
  const doc = room.join(who);
  doc.transact(() => edit(doc));
  expect(room.refusals).toHaveLength(count + 1);
  expect(room.refusals.at(-1)).toEqual({ userId: who.userId, why: expect.stringMatching(why) });
  expect(snapshot(room)).toEqual(before);
}
