import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentName } from "../../../collab/doc-names";
import { todayIn } from "../../kernel/dates";
import { isCommunityMember } from "../../kernel/permissions";
import { authorityDateContext } from "../admin/authority-dates.server";
import { requireCommunityDocument, requireCommunityInquiry } from "../communities/guard.server";
import { requirePlanAccess } from "../plans/guard.server";
import { boardExport } from "./inquiry-data";
import { loadInquiryExport, loadStoredDocuments } from "./load-inquiry.server";
import { loadPlanExport } from "./load-plan.server";
import { exportFileName } from "./responses.server";

type Args = Pick<LoaderFunctionArgs, "context" | "request" | "params">;

/**
 * Each export opens with its page's own guard, so it is allowed exactly when the page is (and
 * refused with the same 404 or 403): the inquiry's for the inquiry, the board's for the board,
 * the plan's (governors told in words) for the plan.
 */
export async function requireInquiryExport({ context, request, params }: Args) {
  const { actor, scope, community, isFacilitator } = await requireCommunityInquiry({ context, request, params });
  const { db } = context.services;
  const dates = await authorityDateContext(db, scope.authorityId);
  // As on the inquiry page: a member works on their own pair's notes; facilitators and readers follow every pair.
  const onlyPairsOf = isCommunityMember(actor, scope) && !isFacilitator ? actor.userId : null;
  const data = await loadInquiryExport(db, actor, community, scope, dates, onlyPairsOf);
  return {
    data,
    dates,
    fileName: (extension: string) => exportFileName([community.name, "inquiry"], todayIn(dates), extension),
  };
}

/** The board of a community, for its SVG and PNG (the board page's guard). */
export async function requireBoardExport({ context, request, params }: Args) {
  const { scope, community } = await requireCommunityDocument(context, request, params.communityId, "root-cause-board");
  const { db } = context.services;
  const dates = await authorityDateContext(db, scope.authorityId);
  const [doc] = await loadStoredDocuments(db, [documentName("root-cause-board", community.id)]);
  try {
    return {
      board: boardExport(doc),
      title: `${community.name}: root causes`,
      fileName: (extension: string) => exportFileName([community.name, "board"], todayIn(dates), extension),
    };
  } finally {
    doc.destroy();
  }
}

/** A school's plan of the year asked for (`?year=`, as on the plan's pages), for its PDF. */
export async function requirePlanExport({ context, request, params }: Args) {
  const access = await requirePlanAccess(context, request, params.schoolId);
  const { db } = context.services;
  const dates = await authorityDateContext(db, access.scope.authorityId);
  const plan = await loadPlanExport(db, access, dates);
  return {
    plan,
    dates,
    access,
    fileName: (extension: string) =>
      exportFileName([access.school.name, "plan", access.year], todayIn(dates), extension),
  };
}
