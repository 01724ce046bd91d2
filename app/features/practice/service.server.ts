/** Between sessions, a leader logs what they applied and shares the insight with a colleague, who is notified. */
import type { Database } from "../../../db/client";
import { createPracticeLog, listCohortLeaders } from "../../../db/queries/practice";
import { getNextSession } from "../../../db/queries/sessions";
import type { CurrentActor } from "../auth/guard.server";
import { notify } from "../notifications/service.server";
import type { Logger } from "../../utils/logger.server";
import type { PracticeLogInput } from "./schema";

type Deps = { db: Database; logger: Logger };

export type LogPracticeResult =
  { ok: true; logId: string; peerName: string } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Writes the log (against the next session, if one is scheduled), then notifies the colleague it
 * was shared with. The colleague must be another leader of the cohort.
 */
export async function logPractice(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  input: PracticeLogInput,
): Promise<LogPracticeResult> {
  const { db, logger } = deps;
  const peer = (await listCohortLeaders(db, cohortId)).find((l) => l.id === input.sharedWith && l.id !== actor.userId);
  if (!peer) return { ok: false, fieldErrors: { sharedWith: ["Choose a colleague from your cohort."] } };
  const session = await getNextSession(db, cohortId);
  const log = await createPracticeLog(db, {
    cohortId,
    authorId: actor.userId,
    sessionId: session?.id ?? null,
    learningApplied: input.learningApplied,
    insight: input.insight,
    sharedWithUserId: peer.id,
  });
  // After the write, never inside it: a failed notification must not lose the log.
  try {
    await notify(
      { db },
      {
        userId: peer.id,
        title: `${actor.user.name} shared an insight with you`,
        body: input.insight.slice(0, 200),
        link: `/cohorts/${cohortId}/practice#log-${log.id}`,
      },
    );
  } catch (error) {
    logger.error("could not notify the peer of a practice log", { logId: log.id, error });
  }
  logger.info("practice logged", { logId: log.id, cohortId, by: actor.userId });
  return { ok: true, logId: log.id, peerName: peer.name };
}
