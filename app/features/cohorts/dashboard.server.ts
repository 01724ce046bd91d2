import type { Database } from "../../../db/client";
import { listPracticeSince, listSurveyStatus } from "../../../db/queries/cohort-dashboard";
import { listCohortCommunities } from "../../../db/queries/communities";
import { listSessions } from "../../../db/queries/sessions";
import { loadInquiryStages } from "../inquiry/inquiry-stage.server";

/** What a facilitator sees: attendance, survey status, practice logs since the last session, inquiry stages. */
export async function loadFacilitatorDashboard(db: Database, cohortId: string) {
  const [sessions, rounds, communities] = await Promise.all([
    listSessions(db, cohortId),
    listSurveyStatus(db, cohortId),
    listCohortCommunities(db, cohortId),
  ]);
  const now = Date.now();
  const past = sessions.filter((s) => s.startsAt.getTime() <= now);
  const last = past.at(-1) ?? null;
  const [practice, stages] = await Promise.all([
    listPracticeSince(db, cohortId, last?.startsAt ?? null),
    loadInquiryStages(
      db,
      communities.map((c) => ({ id: c.id, memberIds: c.members.map((m) => m.id) })),
    ),
  ]);
  return {
    past: past.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      present: s.present,
      recorded: s.recorded,
    })),
    sessionCount: sessions.length,
    lastSession: last ? { title: last.title, startsAt: last.startsAt } : null,
    rounds,
    practice,
    communities: communities.map((c) => ({
      id: c.id,
      name: c.name,
      members: c.members.length,
      stage: stages.get(c.id) ?? "Not started",
    })),
  };
}

/** The facilitator's dashboard as loaded. */
export type FacilitatorDashboard = Awaited<ReturnType<typeof loadFacilitatorDashboard>>;
