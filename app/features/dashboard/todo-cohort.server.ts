/**
 * To-do items from this year's cohorts: for leaders, the next session and the practice log due;
 * for facilitators, the next session, attendance to take, the trust survey, suggestions to decide
 * and communities still choosing their "How might we…" question.
 */
import { loadProjections } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import { listCohortsForUser } from "../../../db/queries/cohorts";
import { listCohortCommunities } from "../../../db/queries/communities";
import { getCohortScope } from "../../../db/queries/community-scope";
import { listSessions } from "../../../db/queries/sessions";
import { countPendingSuggestions, latestPracticeLogs } from "../../../db/queries/todo-cohorts";
import { listRounds } from "../../../db/queries/trust-survey";
import {
  canDecideSuggestion,
  canFacilitateCommunity,
  canLogPractice,
  canManageCohort,
  canViewCohort,
  type Actor,
} from "../../kernel/permissions";
import { protocolById } from "../sessions/protocols";
import { roundLabels } from "../surveys/trust-survey";
import { plural, type TodoItem, type TodoRole } from "./todo-types";

type Session = Awaited<ReturnType<typeof listSessions>>[number];

/** The session item: its title, when it starts (in the authority's zone) and its agenda. */
function nextSessionItem(role: TodoRole, cohort: { id: string; name: string }, s: Session, several: boolean): TodoItem {
  return {
    key: `session:${role}:${s.id}`,
    role,
    text: `Next session${several ? ` of ${cohort.name}` : ""}: ${s.title}, {date}`,
    when: { value: s.startsAt.toISOString(), style: "weekday-date-time" },
    href: `/cohorts/${cohort.id}/sessions/${s.id}`,
    details: s.agenda.length
      ? s.agenda.map((a) => `${protocolById(a.template).name} (${a.minutes} min)${a.note ? `: ${a.note}` : ""}`)
      : ["No agenda yet."],
  };
}

/** Everything this year's cohorts ask of the person, as a leader and as a facilitator. */
export async function cohortItems(db: Database, actor: Actor, year: string, now: Date): Promise<TodoItem[]> {
  const rows = (await listCohortsForUser(db, actor.userId)).filter((c) => c.schoolYear === year);
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.id))];
  const [scopes, sessions, lastLogs] = await Promise.all([
    Promise.all(ids.map((id) => getCohortScope(db, id, year))),
    Promise.all(ids.map((id) => listSessions(db, id))),
    latestPracticeLogs(db, actor.userId, ids),
  ]);
  const several = ids.length > 1;
  const led: TodoItem[] = [];
  const run: Array<{ cohort: (typeof rows)[number]; scope: NonNullable<(typeof scopes)[number]> }> = [];
  ids.forEach((id, i) => {
    const scope = scopes[i];
    const cohort = rows.find((r) => r.id === id)!;
    if (!scope || !canViewCohort(actor, scope)) return;
    const past = sessions[i].filter((s) => s.startsAt <= now);
    const next = sessions[i].find((s) => s.startsAt > now);
    if (canManageCohort(actor, scope)) run.push({ cohort, scope });
    else {
      if (next) led.push(nextSessionItem("head", cohort, next, several));
      // Between sessions: a log is due when a session has happened and nothing was logged since.
      const last = past.at(-1);
      const logged = lastLogs.get(id);
      if (last && canLogPractice(actor, scope) && (!logged || logged < last.startsAt))
        led.push({
          key: `practice:${id}`,
          role: "head",
          text: `Log what you tried since the session on {date}`,
          when: { value: last.startsAt.toISOString(), style: "day-month" },
          href: `/cohorts/${id}/practice`,
        });
    }
  });
  return [...led, ...(await facilitatorItems(db, actor, now, run, sessions, ids, several))];
}

async function facilitatorItems(
  db: Database,
  actor: Actor,
  now: Date,
  run: Array<{ cohort: { id: string; name: string }; scope: NonNullable<Awaited<ReturnType<typeof getCohortScope>>> }>,
  sessions: Session[][],
  ids: string[],
  several: boolean,
): Promise<TodoItem[]> {
  if (run.length === 0) return [];
  const communities = await Promise.all(run.map((r) => listCohortCommunities(db, r.cohort.id)));
  const communityIds = communities.flat().map((c) => c.id);
  const [rounds, pending, hmw] = await Promise.all([
    Promise.all(run.map((r) => listRounds(db, r.cohort.id, actor.userId))),
    countPendingSuggestions(db, [...run.map((r) => r.cohort.id), ...communityIds]),
    loadProjections(db, "hmw", communityIds),
  ]);
  const items: TodoItem[] = [];
  run.forEach(({ cohort, scope }, i) => {
    const list = sessions[ids.indexOf(cohort.id)];
    const of = several ? ` (${cohort.name})` : "";
    const next = list.find((s) => s.startsAt > now);
    if (next) items.push(nextSessionItem("facilitator", cohort, next, several));
    for (const s of list.filter((x) => x.startsAt <= now && x.recorded === 0))
      items.push({
        key: `attendance:${s.id}`,
        role: "facilitator",
        text: `Take attendance for ${s.title}${of}, {date}`,
        when: { value: s.startsAt.toISOString(), style: "day-month" },
        href: `/cohorts/${cohort.id}/sessions/${s.id}#attendance-heading`,
      });
    const open = rounds[i].filter((r) => r.closedAt === null);
    for (const r of open)
      items.push({
        key: `survey:${r.id}`,
        role: "facilitator",
        text: `Trust survey (${roundLabels[r.round].toLowerCase()})${of} is collecting: ${plural(r.responses, "response")} of ${scope.memberIds.length}`,
        href: `/cohorts/${cohort.id}/survey`,
      });
    if (rounds[i].length === 0)
      items.push({
        key: `survey-open:${cohort.id}`,
        role: "facilitator",
        text: `Open the start-of-year trust survey${of}`,
        href: `/cohorts/${cohort.id}/survey`,
      });
    const playlists = [
      { id: cohort.id, name: `${cohort.name}'s cohort playlist`, href: `/cohorts/${cohort.id}/playlist` },
      ...communities[i].map((c) => ({ id: c.id, name: `${c.name}'s playlist`, href: `/communities/${c.id}/playlist` })),
    ];
    // The cohort's facilitators curate every playlist in it (a community's scope has the same facilitators).
    if (canDecideSuggestion(actor, scope))
      for (const p of playlists) {
        const n = pending.get(p.id) ?? 0;
        if (n > 0)
          items.push({
            key: `suggestions:${p.id}`,
            role: "facilitator",
            text: `${plural(n, "suggestion")} to approve or decline for ${p.name}`,
            href: p.href,
          });
      }
    for (const c of communities[i]) {
      if (!canFacilitateCommunity(actor, scope) || hmw.get(c.id)?.chosen) continue;
      items.push({
        key: `hmw:${c.id}`,
        role: "facilitator",
        text: `${c.name} has not chosen its “How might we…” question yet`,
        href: `/communities/${c.id}/questions`,
      });
    }
  });
  return items;
}
