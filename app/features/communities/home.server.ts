import type { HmwProjection } from "../../../collab/documents/hmw";
import type { InquiryProjection } from "../../../collab/documents/inquiry";
import type { BoardProjection } from "../../../collab/documents/root-cause-board";
import { loadProjections } from "../../../collab/projections";
import type { Database } from "../../../db/client";

/** What pages know of a community's three inquiry documents: their projections. */
export type InquiryProjections = { inquiry: InquiryProjection; board: BoardProjection; hmw: HmwProjection };

/**
 * The projections of each community's inquiry, root-cause board and "How might we…" documents, by
 * community id (three queries, whatever the number). They follow the collaboration server a
 * couple of seconds behind what people type; no document log is replayed.
 */
export async function loadInquiryProjections(
  db: Database,
  communityIds: readonly string[],
): Promise<Map<string, InquiryProjections>> {
  const [inquiry, board, hmw] = await Promise.all([
    loadProjections(db, "inquiry", communityIds),
    loadProjections(db, "root-cause-board", communityIds),
    loadProjections(db, "hmw", communityIds),
  ]);
  return new Map(
    communityIds.map((id) => [id, { inquiry: inquiry.get(id)!, board: board.get(id)!, hmw: hmw.get(id)! }]),
  );
}

/** One community's inquiry projections (see `loadInquiryProjections`). */
export async function loadCommunityInquiry(db: Database, communityId: string): Promise<InquiryProjections> {
  return (await loadInquiryProjections(db, [communityId])).get(communityId)!;
}
