import type { Database } from "../../../db/client";
import { inquiryStage, type InquiryStage } from "./inquiry-stage";
import { loadInquiryProjections } from "../communities/home.server";

/**
 * Each community's inquiry stage, read from the projections of its inquiry, root-cause board and
 * "How might we…" documents (three queries for all the communities together).
 */
export async function loadInquiryStages(
  db: Database,
  list: Array<{ id: string; memberIds: string[] }>,
): Promise<Map<string, InquiryStage>> {
  const projections = await loadInquiryProjections(
    db,
    list.map((c) => c.id),
  );
  return new Map(list.map((c) => [c.id, inquiryStage({ ...projections.get(c.id)!, memberIds: c.memberIds })]));
}
