/**
 * A person's "To do" list on their home page: what each role they hold asks of them now, computed
 * from the data, each item a link to the page where it is done. Every item passes the same kernel
 * predicate as that page, so the list never offers what the person may not open. `now` is a
 * parameter so tests (and the demo's story) are deterministic.
 */
import type { Database } from "../../../db/client";
import { getAuthoritiesByIds, type Authority } from "../../../db/queries/authorities";
import { listSipSchools } from "../../../db/queries/sip-caseload";
import { dateContextFor, todayIn } from "../../kernel/dates";
import {
  adminAuthorityIds,
  canViewSchoolImprovement,
  governedSchoolIds,
  isFacilitator,
  isSip,
  ledSchoolIds,
  type Actor,
} from "../../kernel/permissions";
import { schoolYearOf } from "../../kernel/school-year";
import { adminItems, governorItems } from "./todo-admin.server";
import { cohortItems } from "./todo-cohort.server";
import { headSchoolItems } from "./todo-head.server";
import { sipItems } from "./todo-sip.server";
import type { TodoItem, TodoList, TodoRole } from "./todo-types";

export type SipSchool = Awaited<ReturnType<typeof listSipSchools>>[number];

/** The SIP's schools this year with days used and next visit, kept where the kernel lets them open the school. */
export async function loadSipSchools(db: Database, actor: Actor, year: string, today: string): Promise<SipSchool[]> {
  if (!isSip(actor)) return [];
  const rows = await listSipSchools(db, actor.userId, year, today);
  return rows.filter((s) =>
    canViewSchoolImprovement(actor, { schoolId: s.id, authorityId: s.authorityId, sipIds: [actor.userId] }),
  );
}

/** The order roles' items are listed in: the work of running a school first, oversight last. */
const roleOrder: TodoRole[] = ["head", "sip", "facilitator", "admin", "governor"];

const nextWords: Record<TodoRole, string> = {
  head: "When your SIP books a visit, comments on your plan or shares a report, it will appear here.",
  sip: "Visit records to write, draft reports and comments awaiting a reply will appear here.",
  facilitator: "Your next session, attendance to take and suggestions to approve will appear here.",
  admin: "Schools that need a SIP, budgets running over and invitations not yet accepted will appear here.",
  governor: "When your school's SIP shares a report with governors, it will appear here.",
};

/** The roles whose to-do items a person can have. */
function todoRoles(actor: Actor): TodoRole[] {
  const roles: TodoRole[] = [];
  if (ledSchoolIds(actor).length) roles.push("head");
  if (isSip(actor)) roles.push("sip");
  if (isFacilitator(actor)) roles.push("facilitator");
  if (adminAuthorityIds(actor).length) roles.push("admin");
  if (governedSchoolIds(actor).length) roles.push("governor");
  return roles;
}

/** Everything waiting for this person at `now`, in role order. */
export async function loadTodo(
  db: Database,
  actor: Actor,
  now: Date,
  known: { authority?: Authority | null; sipSchools?: SipSchool[] } = {},
): Promise<TodoList> {
  const year = schoolYearOf(now);
  // Everyone belongs to one authority today (as in the root layout): its first grant names it.
  const authority =
    known.authority !== undefined
      ? known.authority
      : ((
          await getAuthoritiesByIds(
            db,
            actor.grants.slice(0, 1).map((g) => g.authorityId),
          )
        )[0] ?? null);
  const terminology = authority?.terminology ?? "en-GB";
  // "Today" is the authority's calendar day: visit dates carry no zone.
  const today = todayIn(dateContextFor(authority), now);
  const sipSchools = known.sipSchools ?? (await loadSipSchools(db, actor, year, today));
  const lists = await Promise.all([
    headSchoolItems(db, actor, year, today),
    sipItems(db, actor, year, today, sipSchools, terminology),
    cohortItems(db, actor, year, now),
    adminItems(db, actor, year, now),
    governorItems(db, actor),
  ]);
  const items: TodoItem[] = lists.flat().sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  const roles = todoRoles(actor);
  const whatNext = roles.length
    ? roles.map((r) => nextWords[r]).join(" ")
    : "Once your local authority gives you a role, the work it asks of you will appear here.";
  return { items, whatNext };
}
