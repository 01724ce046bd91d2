import type { Database } from "../../../db/client";
import { getUser } from "../../../db/queries/users";
import { listVisitRecords, listVisits } from "../../../db/queries/visits";
import type { SchoolScope } from "../schools/guard.server";
import { budgetSummary } from "./day-budget";

/**
 * The school home's view of a year's SIP work: who the SIP was, the days used, and the visit
 * records with where each stands. Null when nobody was assigned that year. Callers decide first
 * that the person may see the school's improvement records.
 */
export async function loadVisitYearSummary(db: Database, scope: SchoolScope) {
  if (!scope.assignment) return null;
  const [visits, records, sip] = await Promise.all([
    listVisits(db, scope.assignment.id),
    listVisitRecords(db, scope.assignment.id),
    getUser(db, scope.assignment.sipUserId),
  ]);
  const { budget, used } = budgetSummary(scope.assignment.dayBudget, visits);
  return { sipName: sip?.name ?? "", budget, used, visitCount: visits.length, records };
}

export type VisitYearSummary = NonNullable<Awaited<ReturnType<typeof loadVisitYearSummary>>>;
