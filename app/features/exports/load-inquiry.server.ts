import * as Y from "yjs";
import { documentName } from "../../../collab/doc-names";
import type { Database } from "../../../db/client";
import { loadManyDocumentRows } from "../../../db/queries/collab";
import { getCommunityPeople, listPeerPairs } from "../../../db/queries/community-home";
import { listCommunityLinks, sipIdsBySchool } from "../../../db/queries/plan-links";
import type { DateContext } from "../../kernel/dates";
import { formatInstant } from "../../kernel/dates";
import { canViewSchoolImprovement, type Actor, type CommunityScope } from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import { pairsOf } from "../communities/community-steps";
import { inquiryExport, type InquiryExport, type LinkExport } from "./inquiry-data";

/**
 * Builds documents from their stored rows (snapshot, then the log). Pages read projections, which
 * hold counts, never words; an export needs every word, so it replays the log once per download,
 * as the collaboration server does when it opens a document.
 */
export async function loadStoredDocuments(db: Database, names: readonly string[]): Promise<Y.Doc[]> {
  const rows = await loadManyDocumentRows(db, names);
  return names.map((name) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const row of rows.get(name) ?? []) Y.applyUpdate(doc, row);
    });
    return doc;
  });
}

/**
 * The plan priorities each member school linked the inquiry to. As on the community's "link to my
 * plan" page, a plan is for its school, its SIP and its authority: everyone else learns only how many.
 */
async function linkedPriorities(
  db: Database,
  actor: Actor,
  community: { id: string; scope: CommunityScope },
): Promise<LinkExport[]> {
  const [people, links] = await Promise.all([
    getCommunityPeople(db, community.id),
    listCommunityLinks(db, community.id),
  ]);
  const schoolIds = [...new Set(people.members.flatMap((m) => m.schools.map((s) => s.id)))];
  const sips = await sipIdsBySchool(db, schoolIds, schoolYearOf(new Date()));
  return people.members.flatMap((m) =>
    m.schools.map((s) => {
      const linked = links.filter((l) => l.schoolId === s.id);
      const mayRead = canViewSchoolImprovement(actor, {
        schoolId: s.id,
        authorityId: community.scope.authorityId,
        sipIds: sips.get(s.id) ?? [],
      });
      return {
        memberName: m.name,
        schoolName: s.name,
        count: linked.length,
        titles: mayRead ? linked.map((l) => l.title) : null,
      };
    }),
  );
}

/** Everything an inquiry export shows, for a reader the guard has let in. */
export async function loadInquiryExport(
  db: Database,
  actor: Actor,
  community: { id: string; name: string; cohortName: string; members: Array<{ id: string; name: string }> },
  scope: CommunityScope,
  dates: DateContext,
  onlyPairsOf: string | null,
): Promise<InquiryExport> {
  const names = (["inquiry", "root-cause-board", "hmw"] as const).map((kind) => documentName(kind, community.id));
  const [docs, pairRows, links] = await Promise.all([
    loadStoredDocuments(db, names),
    listPeerPairs(db, community.id),
    linkedPriorities(db, actor, { id: community.id, scope }),
  ]);
  const [inquiry, board, hmw] = docs;
  try {
    return inquiryExport({
      community,
      pairs: pairsOf(pairRows),
      inquiry,
      board,
      hmw,
      links,
      exportedOn: formatInstant(new Date(), "date", dates),
      onlyPairsOf,
    });
  } finally {
    for (const doc of docs) doc.destroy();
  }
}
