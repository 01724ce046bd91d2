import type { Database } from "../../../db/client";
import { getPriorityItems, listPriorities, listSelfEvaluations } from "../../../db/queries/plans";
import { formatInstant, todayIn, type DateContext } from "../../kernel/dates";
import { areasForPhase, isPlanArea, planAreas, type Judgement } from "../../kernel/plan-areas";
import { schoolYearBounds } from "../../kernel/school-year";
import type { PlanAccess } from "../plans/guard.server";
import { targetStatus } from "../plans/target-status";
import type { PlanExport } from "./plan-print.server";

/**
 * The plan of the year the guard chose, as its pages show it: the areas of the school's phase (and
 * any evaluated before), then each priority with its items (a handful of queries per priority: an
 * export is rare, and this reuses the priority page's own query).
 */
export async function loadPlanExport(db: Database, access: PlanAccess, dates: DateContext): Promise<PlanExport> {
  const { plan, school } = access;
  const [evaluations, priorities] = plan
    ? await Promise.all([listSelfEvaluations(db, plan.id), listPriorities(db, plan.id)])
    : [[], []];
  const items = await Promise.all(priorities.map((p) => getPriorityItems(db, p.id)));
  const when = { start: schoolYearBounds(access.year).start, today: todayIn(dates) };
  const stored = evaluations.map((e) => e.area).filter(isPlanArea);
  const areas = planAreas.filter((a) => areasForPhase(school.phase).includes(a) || stored.includes(a));
  return {
    schoolName: school.name,
    // "2025-26" as schools write it, with an en dash (as the year switcher shows it).
    yearLabel: access.year.replace("-", "–"),
    exportedOn: formatInstant(new Date(), "date", dates),
    terminology: school.terminology,
    started: plan !== null,
    evaluations: areas.map((area) => {
      const e = evaluations.find((x) => x.area === area);
      return { area, judgement: (e?.judgement as Judgement | undefined) ?? null, evidence: e?.evidence ?? "" };
    }),
    priorities: priorities.map((p, i) => ({
      title: p.title,
      area: p.area,
      rationale: p.rationale,
      targets: items[i].targets.map((t) => ({ ...t, status: targetStatus(t, when) })),
      actions: items[i].actions,
      updates: items[i].updates.map((u) => ({
        body: u.body,
        authorName: u.authorName,
        on: formatInstant(u.createdAt, "short-date", dates),
      })),
      inquiries: items[i].inquiries.map((q) => q.name),
    })),
  };
}
