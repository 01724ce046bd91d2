/** A head's to-do items from their school's SIP work: pre-visit forms, SIP comments, reports to acknowledge. */
import type { Database } from "../../../db/client";
import { listReports } from "../../../db/queries/reports";
import { getSchoolScope } from "../../../db/queries/school-scope";
import { listPlanCommentsForSchools } from "../../../db/queries/todo-plans";
import { listPreVisitsDue } from "../../../db/queries/todo-visits";
import {
  canAcknowledgeReport,
  canCommentOnPlan,
  canCompletePreVisit,
  ledSchoolIds,
  type Actor,
  type SchoolScope,
} from "../../kernel/permissions";
import { groupThreads } from "../plans/threads";
import { plural, type TodoItem } from "./todo-types";

type Comment = Awaited<ReturnType<typeof listPlanCommentsForSchools>>[number];

/** The open threads of one school's plan whose last word is one of the school's SIPs', oldest first. */
export function threadsAwaitingSchool(comments: readonly Comment[], sipIds: readonly string[]) {
  const threads = [...groupThreads(comments).values()].flat().filter((t) => !t.resolved);
  return threads
    .filter((t) => {
      const last = t.replies.at(-1) ?? t.root;
      return last.authorId !== null && sipIds.includes(last.authorId);
    })
    .sort((a, b) => new Date(a.root.createdAt).getTime() - new Date(b.root.createdAt).getTime());
}

/** The link to a thread: its item's page (the plan, or the priority), at the thread. */
export function threadHref(schoolId: string, root: Pick<Comment, "id" | "priorityId">) {
  return `/schools/${schoolId}/plan${root.priorityId ? `/priorities/${root.priorityId}` : ""}#comment-${root.id}`;
}

/** Everything a head has to do for the schools they lead this year. */
export async function headSchoolItems(db: Database, actor: Actor, year: string, today: string): Promise<TodoItem[]> {
  const ids = ledSchoolIds(actor);
  if (ids.length === 0) return [];
  const [scopes, preVisits, comments, reports] = await Promise.all([
    Promise.all(ids.map((id) => getSchoolScope(db, id, year))),
    listPreVisitsDue(db, ids, year, today),
    listPlanCommentsForSchools(db, ids, year),
    Promise.all(ids.map((id) => listReports(db, id, { withDrafts: false }))),
  ]);
  const several = ids.length > 1;
  const items: TodoItem[] = [];
  scopes.forEach((school, i) => {
    if (!school) return;
    const scope: SchoolScope = school;
    const forSchool = several ? ` for ${school.name}` : "";
    if (canCompletePreVisit(actor, scope)) {
      for (const r of preVisits.filter((v) => v.schoolId === school.schoolId))
        items.push({
          key: `pre-visit:${r.id}`,
          role: "head",
          text: `Complete the pre-visit form${forSchool} before the visit on {date}`,
          when: { value: r.visitDate, style: "day-month" },
          href: `/schools/${school.schoolId}/visits/${r.id}?edit=pre#section-pre`,
        });
    }
    if (canCommentOnPlan(actor, scope)) {
      const waiting = threadsAwaitingSchool(
        comments.filter((c) => c.schoolId === school.schoolId),
        scope.sipIds,
      );
      if (waiting.length > 0)
        items.push({
          key: `reply:${school.schoolId}`,
          role: "head",
          text: `${plural(waiting.length, "comment")} from your SIP awaiting your reply on ${several ? `${school.name}'s` : "your"} improvement plan`,
          href: threadHref(school.schoolId, waiting[0].root),
        });
    }
    if (canAcknowledgeReport(actor, scope)) {
      for (const r of reports[i].filter((x) => x.status === "shared"))
        items.push({
          key: `acknowledge:${r.id}`,
          role: "head",
          text: `Read and acknowledge the report “${r.title}”${forSchool}`,
          href: `/schools/${school.schoolId}/reports/${r.id}`,
        });
    }
  });
  return items;
}
