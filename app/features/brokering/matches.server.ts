/**
 * Finding schools with good practice for a priority: the text search proposes similar priorities
 * in the authority; each one's measured results (its plan targets, and its school's outcomes in the
 * cohorts of the inquiries linked to it) are then judged by the pure rules in `matching.ts`.
 */
import type { Database } from "../../../db/client";
import { findSimilarPractice, listSchoolPriorities } from "../../../db/queries/brokering";
import { getTrailRows } from "../../../db/queries/evidence-trail";
import { getPriorityItems } from "../../../db/queries/plans";
import { getSchool } from "../../../db/queries/schools";
import { rankMatches, topicsIn, type Candidate, type Evidence, type Match } from "./matching";

/** How many similar priorities the text search hands over before the rules judge them. */
const CANDIDATES = 50;

/** The priority's own words for its topics and key stages (title first, then area and targets), and its targets' measures. */
async function describePriority(db: Database, priority: { id: string; title: string; area: string }) {
  const { targets } = await getPriorityItems(db, priority.id);
  const parts = [
    priority.title,
    priority.area.replace(/_/g, " "),
    ...targets.map((t) => `${t.measure} ${t.studentGroup}`),
  ];
  return {
    text: parts.join(" · "),
    topics: [...new Set(parts.flatMap(topicsIn))],
    measures: targets.map((t) => t.measure),
  };
}

/** A partner priority's title and targets (for its key stages) and measured results: targets with an actual value, and its school's outcomes in linked inquiries' cohorts. */
async function evidenceFor(db: Database, schoolId: string, priorityId: string, year: string) {
  const [trail, priorities] = await Promise.all([
    getTrailRows(db, schoolId, priorityId),
    listSchoolPriorities(db, schoolId, year),
  ]);
  const title = priorities.find((p) => p.id === priorityId)?.title ?? "";
  const evidence: Evidence[] = [...trail.targets, ...trail.outcomes]
    .filter((t) => t.actual !== null)
    .map((t) => ({ measure: t.measure, studentGroup: t.studentGroup, baseline: t.baseline, actual: t.actual! }));
  return { evidence, text: [title, ...trail.targets.map((t) => `${t.measure} ${t.studentGroup}`)].join(" · ") };
}

/**
 * Schools with good practice for one of this school's priorities (or for the SIP's own words),
 * best first: same pupils, real improvement on the relevant measure, no two cards alike. Null when
 * the priority is not one of the school's this year. No school's name is read here.
 */
export async function findMatches(
  db: Database,
  params: { authorityId: string; schoolId: string; year: string; priorityId: string; words?: string | null },
): Promise<Match[] | null> {
  const priorities = await listSchoolPriorities(db, params.schoolId, params.year);
  const priority = priorities.find((p) => p.id === params.priorityId);
  if (!priority) return null;
  const [school, ours, similar] = await Promise.all([
    getSchool(db, params.schoolId),
    describePriority(db, priority),
    findSimilarPractice(db, { ...params, limit: CANDIDATES }),
  ]);
  const words = params.words?.trim() ?? "";
  // The SIP's own words say what to look for; without them, the priority and its targets do.
  const topics = words ? topicsIn(words) : ours.topics;
  const candidates: Candidate[] = await Promise.all(
    similar.map(async (m) => ({
      partnerSchoolId: m.partnerSchoolId,
      partnerPriorityId: m.partnerPriorityId,
      phase: m.phase,
      area: m.area,
      inquiries: m.inquiries,
      rank: m.rank,
      ...(await evidenceFor(db, m.partnerSchoolId, m.partnerPriorityId, params.year)),
    })),
  );
  return rankMatches(
    { phase: school?.phase ?? "", text: `${ours.text} · ${words}`, topics, measures: words ? [] : ours.measures },
    candidates,
  );
}
