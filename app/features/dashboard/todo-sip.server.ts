/** A SIP's to-do items across their schools this year: records to write, drafts to share, comments awaiting heads. */
import type { Database } from "../../../db/client";
import { listSipReports } from "../../../db/queries/sip-caseload";
import { listPlanCommentsForSchools } from "../../../db/queries/todo-plans";
import { listOpenSipRecords } from "../../../db/queries/todo-visits";
import { recordState } from "../../../db/queries/visits";
import { canDoSipWork, canEditReport, isSip, type Actor, type SchoolScope } from "../../kernel/permissions";
import { roleLabel, type Terminology } from "../../kernel/terminology";
import { threadHref, threadsAwaitingSchool } from "./todo-head.server";
import { plural, type TodoItem } from "./todo-types";

/** The SIP's own assignment of a school, as the permission module sees it. */
const scopeOf = (actor: Actor, row: { schoolId: string; authorityId: string }): SchoolScope => ({
  schoolId: row.schoolId,
  authorityId: row.authorityId,
  sipIds: [actor.userId],
});

/** Everything a SIP has to do this year, given their schools (from the caseload query). */
export async function sipItems(
  db: Database,
  actor: Actor,
  year: string,
  today: string,
  schools: ReadonlyArray<{ id: string; name: string; authorityId: string }>,
  terminology: Terminology,
): Promise<TodoItem[]> {
  if (!isSip(actor)) return [];
  const mine = schools.filter((s) =>
    canDoSipWork(actor, scopeOf(actor, { schoolId: s.id, authorityId: s.authorityId })),
  );
  const [records, reports, comments] = await Promise.all([
    listOpenSipRecords(db, actor.userId, year),
    listSipReports(db, actor.userId, year),
    listPlanCommentsForSchools(
      db,
      mine.map((s) => s.id),
      year,
    ),
  ]);
  const items: TodoItem[] = [];
  // A record is the SIP's to write once the visit has happened and the school has done its part (or was not asked).
  for (const r of records) {
    if (r.visitDate > today || recordState(r) !== "awaiting_sip") continue;
    if (!canDoSipWork(actor, scopeOf(actor, r))) continue;
    items.push({
      key: `record:${r.id}`,
      role: "sip",
      text: `Write the visit record for ${r.schoolName}, {date}`,
      when: { value: r.visitDate, style: "day-month" },
      // Straight into the form: the record's first section of the SIP's part, open for writing.
      href: `/schools/${r.schoolId}/visits/${r.id}?edit=seen#section-visit`,
    });
  }
  for (const r of reports) {
    if (!canEditReport(actor, scopeOf(actor, r), { status: r.status, sipUserId: actor.userId })) continue;
    items.push({
      key: `share:${r.id}`,
      role: "sip",
      text: `Finish and share the draft report “${r.title}” for ${r.schoolName}`,
      href: `/schools/${r.schoolId}/reports/${r.id}`,
    });
  }
  const head = roleLabel("school_leader", terminology).toLowerCase();
  for (const s of mine) {
    const waiting = threadsAwaitingSchool(
      comments.filter((c) => c.schoolId === s.id),
      [actor.userId],
    );
    if (waiting.length === 0) continue;
    items.push({
      key: `awaiting-head:${s.id}`,
      role: "sip",
      text: `${plural(waiting.length, "comment")} on ${s.name}'s plan awaiting the ${head}'s reply`,
      href: threadHref(s.id, waiting[0].root),
    });
  }
  return items;
}
