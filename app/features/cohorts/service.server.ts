/**
 * A cohort's workflows: starting one, and managing who is in it. Each checks what the permission
 * module allows, writes, then leaves a log line; the routes map the result to a response.
 */
import type { Database } from "../../../db/client";
import {
  addCohortMembers,
  cohortNameTaken,
  listAddableFacilitators,
  listAddableLeaders,
  removeCohortMember,
} from "../../../db/queries/cohort-members";
import { createCohort } from "../../../db/queries/communities";
import { canCreateCohort, canRemoveCohortMember, type CohortScope } from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";
import type { AppServices } from "../../utils/services.server";
import type { Logger } from "../../utils/logger.server";
import type { CohortInput } from "./schema";

// realtime: optional so services can run without a collaboration server (scripts, unit tests).
type Deps = { db: Database; logger: Logger; realtime?: Pick<AppServices["realtime"], "accessChanged"> };
type FieldErrors = Record<string, string[]>;
/** The cohort being managed, as its guard found it. */
export type CohortRef = { id: string; authorityId: string };

export type StartCohortResult = { ok: true; cohortId: string } | { ok: false; fieldErrors: FieldErrors };

/** Starts a cohort with the person as its first facilitator (a name is unique per authority and year). */
export async function startCohort(deps: Deps, actor: CurrentActor, input: CohortInput): Promise<StartCohortResult> {
  const { authorityId, name, schoolYear } = input;
  if (!canCreateCohort(actor, authorityId))
    return { ok: false, fieldErrors: { authorityId: ["Choose the authority."] } };
  if (await cohortNameTaken(deps.db, authorityId, name, schoolYear)) {
    return { ok: false, fieldErrors: { name: [`A cohort called ${name} already exists for ${schoolYear}.`] } };
  }
  const cohort = await createCohort(deps.db, {
    authorityId,
    name,
    schoolYear,
    facilitatorIds: [actor.userId],
    leaderIds: [],
  });
  deps.logger.info("cohort created", { cohortId: cohort.id, by: actor.userId });
  return { ok: true, cohortId: cohort.id };
}

export type AddMembersResult = { ok: true; done: string } | { ok: false; fieldErrors: FieldErrors };

/** Adds school leaders of the authority who are not in the cohort yet; any other id refuses the lot. */
export async function addLeaders(
  deps: Deps,
  actor: CurrentActor,
  cohort: CohortRef,
  userIds: readonly string[],
): Promise<AddMembersResult> {
  const eligible = new Map(
    (await listAddableLeaders(deps.db, cohort.id, cohort.authorityId)).map((p) => [p.userId, p.name]),
  );
  const chosen = [...new Set(userIds)];
  if (chosen.some((id) => !eligible.has(id))) {
    return {
      ok: false,
      fieldErrors: { userIds: ["Choose only school leaders of this authority who are not already in the cohort."] },
    };
  }
  await addCohortMembers(deps.db, cohort.id, chosen, "leader");
  deps.logger.info("cohort leaders added", { cohortId: cohort.id, count: chosen.length, by: actor.userId });
  return { ok: true, done: `Added ${chosen.map((id) => eligible.get(id)).join(" and ")}.` };
}

/** Adds a facilitator of the authority as a co-facilitator. */
export async function addCoFacilitator(deps: Deps, cohort: CohortRef, userId: string): Promise<AddMembersResult> {
  const eligible = await listAddableFacilitators(deps.db, cohort.id, cohort.authorityId);
  const person = eligible.find((p) => p.userId === userId);
  if (!person)
    return { ok: false, fieldErrors: { userId: ["Choose a facilitator of this authority who is not already here."] } };
  await addCohortMembers(deps.db, cohort.id, [person.userId], "facilitator");
  // Their open documents learn at once that they now facilitate (the write rules' "facilitator").
  deps.realtime?.accessChanged(person.userId);
  return { ok: true, done: `${person.name} is now a co-facilitator.` };
}

export type RemoveMemberResult = { ok: true; done: string } | { ok: false; reason: "forbidden"; message: string };

/** Takes a member out of the cohort (a leader also leaves its communities); never the last word on oneself. */
export async function removeMember(
  deps: Deps,
  actor: CurrentActor,
  cohort: CohortRef & { scope: CohortScope },
  member: { userId: string; role: "facilitator" | "leader" },
): Promise<RemoveMemberResult> {
  if (!canRemoveCohortMember(actor, cohort.scope, member)) {
    return {
      ok: false,
      reason: "forbidden",
      message: "You cannot remove yourself as a facilitator: ask a co-facilitator.",
    };
  }
  await removeCohortMember(deps.db, cohort.id, member.userId, member.role);
  deps.realtime?.accessChanged(member.userId);
  return { ok: true, done: "Removed from the cohort." };
}
