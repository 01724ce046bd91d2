/** A cohort's sessions: scheduling, changing and the attendance register. Each writes, then logs. */
import type { Database } from "../../../db/client";
import { createSession, listAttendance, recordAttendance, updateSession } from "../../../db/queries/sessions";
import { defaultDateContext, type DateContext } from "../../kernel/dates";
import type { CurrentActor } from "../auth/guard.server";
import type { Logger } from "../../utils/logger.server";
import { sessionValues, type SessionInput } from "./schema";

type Deps = { db: Database; logger: Logger };

/** Schedules a session of the cohort from a valid form (its time read in `ctx`, the authority's zone); returns its id. */
export async function scheduleSession(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  input: SessionInput,
  ctx: DateContext = defaultDateContext,
) {
  const session = await createSession(deps.db, cohortId, sessionValues(input, ctx));
  deps.logger.info("session scheduled", { cohortId, sessionId: session.id, by: actor.userId });
  return { sessionId: session.id };
}

/** Changes a session's details and agenda (its time read in `ctx`, the authority's zone). */
export async function changeSession(
  deps: Deps,
  actor: CurrentActor,
  session: { cohortId: string; sessionId: string },
  input: SessionInput,
  ctx: DateContext = defaultDateContext,
) {
  await updateSession(deps.db, session.cohortId, session.sessionId, sessionValues(input, ctx));
  deps.logger.info("session changed", { sessionId: session.sessionId, by: actor.userId });
}

export type AttendanceResult = { ok: true; done: string } | { ok: false; error: string };

/** Records who came: only the session's leaders marked "present" or "absent" count; others are ignored. */
export async function takeAttendance(
  deps: Deps,
  actor: CurrentActor,
  session: { cohortId: string; sessionId: string },
  marks: (userId: string) => FormDataEntryValue | null,
): Promise<AttendanceResult> {
  const leaders = await listAttendance(deps.db, session.cohortId, session.sessionId);
  const entries = leaders.flatMap((l) => {
    const value = marks(l.userId);
    return value === "present" || value === "absent" ? [{ userId: l.userId, present: value === "present" }] : [];
  });
  if (entries.length === 0) return { ok: false, error: "Mark at least one leader present or absent." };
  await recordAttendance(deps.db, session.sessionId, entries);
  deps.logger.info("attendance recorded", { sessionId: session.sessionId, count: entries.length, by: actor.userId });
  const present = entries.filter((e) => e.present).length;
  return { ok: true, done: `Attendance saved: ${present} present, ${entries.length - present} absent.` };
}
