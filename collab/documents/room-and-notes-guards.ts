import { currentGathering, ROOM_SCHEMA_VERSION, roomRules } from "./community-room";
import { checkMeta, UNKNOWN, type DocGuard } from "./guard-kit";
import { may } from "./rules";
import { SESSION_NOTES_FIELD, SESSION_NOTES_SCHEMA_VERSION } from "./session-notes";

/** How much of a name `gather` keeps (community-room.ts's MAX_FIELD, not exported there). */
const MAX_GATHER_FIELD = 200;

/**
 * The community room: only facilitators write it (documentAccess); the one gathering must be well
 * formed and in the writer's name.
 */
export const roomGuard: DocGuard = {
  mapRoots: ["meta", "gather"],
  check(change, ctx) {
    if (change.root === "meta") return checkMeta(change, ROOM_SCHEMA_VERSION);
    if (change.root !== "gather" || change.key !== "current" || change.path.length !== 0) return UNKNOWN;
    if (!may(ctx.writer, roomRules.gather)) return roomRules.gather.says;
    if (change.action === "delete") return null;
    const gathering = currentGathering(ctx.doc);
    if (!gathering) return "A gathering says where to go, when and by whom.";
    // The page writes the person's id and name (cut to the room's field length), as the session knows them.
    const ownName =
      gathering.byId === ctx.writer.userId && gathering.byName === ctx.writer.userName.slice(0, MAX_GATHER_FIELD);
    return ownName ? null : "A gathering can only be called in your own name.";
  },
};

/** A session's shared notes: one rich-text field that everyone who may write the document writes. */
export const sessionNotesGuard: DocGuard = {
  mapRoots: ["meta"],
  isRichText: (root) => root === SESSION_NOTES_FIELD,
  check(change) {
    if (change.root === "meta") return checkMeta(change, SESSION_NOTES_SCHEMA_VERSION);
    return change.root === SESSION_NOTES_FIELD ? null : UNKNOWN;
  },
};
