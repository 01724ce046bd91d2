import type { IncomingMessage } from "node:http";
import { canFacilitateCommunity, documentAccess, type DocumentAccess } from "../app/kernel/permissions";
import { schoolYearOf } from "../app/kernel/school-year";
import type { Database } from "../db/client";
import { COLLAB_PATH_PREFIX, parseDocumentName, type DocumentName } from "./doc-names";
import { SAVED_PARAM } from "./protocol";
import { loadActor, resolveDocumentScope } from "./scope";
import type { SessionValidator } from "./session-validator";

export type UpgradeDecision =
  | {
      ok: true;
      doc: DocumentName;
      userId: string;
      userName: string;
      sessionId: string;
      access: Exclude<DocumentAccess, "none">;
      /** Facilitates the document's cohort: the write rules' "facilitator" (canFacilitateCommunity, as pages). */
      isFacilitator: boolean;
      wantsSaved: boolean;
    }
  | { ok: false; status: 400 | 401 | 403 | 404; reason: string; message: string };

/**
 * Decides a WebSocket upgrade before anything is upgraded: which document, from an allowed
 * Origin, with a live session (the same `auth.validate` as HTTP), and what the permission module
 * grants: no session 401, wrong Origin or no access 403, unknown document 404.
 */
export async function authorizeUpgrade(
  req: IncomingMessage,
  deps: {
    db: Database;
    auth: Pick<SessionValidator, "validate">;
    allowedOrigin: (req: IncomingMessage) => boolean;
    now?: () => Date;
  },
): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith(COLLAB_PATH_PREFIX)) {
    return { ok: false, status: 404, reason: "Not Found", message: "There is no live connection at this address." };
  }
  const doc = parseDocumentName(decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length)));
  if (!doc) return { ok: false, status: 404, reason: "Not Found", message: "There is no such document." };
  if (!deps.allowedOrigin(req)) {
    return {
      ok: false,
      status: 403,
      reason: "Forbidden",
      message: "Live editing is only available from Commons itself.",
    };
  }
  const session = await deps.auth.validate(req.headers.cookie);
  if (!session) return { ok: false, status: 401, reason: "Unauthorized", message: "Sign in to open this document." };
  const scope = await resolveDocumentScope(deps.db, doc, schoolYearOf(deps.now?.() ?? new Date()));
  if (!scope) return { ok: false, status: 404, reason: "Not Found", message: "There is no such document." };
  const actor = await loadActor(deps.db, session.user.id);
  const access = documentAccess(actor, doc.kind, scope);
  if (access === "none")
    return { ok: false, status: 403, reason: "Forbidden", message: "You do not have access to this document." };
  return {
    ok: true,
    doc,
    userId: session.user.id,
    userName: session.user.name,
    sessionId: session.sessionId,
    access,
    isFacilitator: canFacilitateCommunity(actor, scope),
    wantsSaved: url.searchParams.get(SAVED_PARAM) === "1",
  };
}
