/**
 * Forming a cohort's communities and running them: leaders name their equity challenge, the
 * facilitator forms, renames and rearranges communities, and sets each community's peer-check pairs.
 */
import type { Database } from "../../../db/client";
import { removePeerPair, setPeerPair } from "../../../db/queries/community-home";
import {
  formCommunity,
  moveLeader,
  renameCommunity,
  saveChallenge,
  type GroupingError,
} from "../../../db/queries/equity";
import type { CommunityScope } from "../../kernel/permissions";
import type { CurrentActor } from "../auth/guard.server";
import type { AppServices } from "../../utils/services.server";
import type { Logger } from "../../utils/logger.server";
import { MAX_GROUP, normaliseTags } from "./grouping";

// realtime: optional so services can run without a collaboration server (scripts, unit tests).
type Deps = { db: Database; logger: Logger; realtime?: Pick<AppServices["realtime"], "accessChanged"> };
type Refused = { ok: false; error: string };

/** Why a grouping change was refused, in the facilitator's words. */
export function describeGroupingError(error: GroupingError): string {
  if (error.kind === "already-placed") {
    const who = error.people.map((p) => `${p.userName} (in ${p.communityName})`).join(", ");
    return `A leader can be in only one community of a cohort: ${who} already ${error.people.length === 1 ? "is" : "are"} in one. Move them instead.`;
  }
  if (error.kind === "full")
    return `${error.communityName} already has ${MAX_GROUP} leaders, the most a community can have.`;
  if (error.kind === "no-community") return "That community is not in this cohort.";
  return "Only the school leaders of this cohort can be in its communities.";
}

/** Forms a community of the cohort from leaders not yet in one (a suggestion accepted, or chosen by hand). */
export async function formCohortCommunity(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  input: { name: string; memberIds: string[] },
): Promise<{ ok: true; done: string } | Refused> {
  const formed = await formCommunity(deps.db, { cohortId, name: input.name, memberIds: input.memberIds });
  if (!formed.ok) return { ok: false, error: describeGroupingError(formed.error) };
  deps.logger.info("community formed", { cohortId, communityId: formed.communityId, by: actor.userId });
  return { ok: true, done: `${input.name} is formed.` };
}

/** Moves a leader into another community of the cohort, or out of all ("" or null). */
export async function moveLeaderBetweenCommunities(
  deps: Deps,
  cohortId: string,
  input: { userId: string; communityId: string | null },
): Promise<{ ok: true } | Refused> {
  const moved = await moveLeader(deps.db, {
    cohortId,
    userId: input.userId,
    communityId: input.communityId || null,
    maxMembers: MAX_GROUP,
  });
  if (moved.ok) deps.realtime?.accessChanged(input.userId);
  return moved.ok ? { ok: true } : { ok: false, error: describeGroupingError(moved.error) };
}

/** Renames a community of the cohort; false when it is not one of the cohort's. */
export function renameCohortCommunity(
  deps: Deps,
  cohortId: string,
  input: { communityId: string; name: string },
): Promise<boolean> {
  return renameCommunity(deps.db, { cohortId, communityId: input.communityId, name: input.name });
}

/** Saves the leader's equity challenge for the cohort, its tags normalised as the grouping compares them. */
export async function saveEquityChallenge(
  deps: Deps,
  actor: CurrentActor,
  cohortId: string,
  input: { text: string; tags?: string },
) {
  await saveChallenge(deps.db, {
    cohortId,
    userId: actor.userId,
    text: input.text,
    tags: normaliseTags(input.tags ?? ""),
  });
}

export type PairResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/** Pairs two members of the community for the peer check (each leaves any earlier pair). */
export async function pairPeers(
  deps: Deps,
  community: { id: string; scope: CommunityScope },
  input: { userId: string; partnerId: string },
): Promise<PairResult> {
  const fieldErrors: Record<string, string[]> = {};
  if (!community.scope.memberIds.includes(input.userId)) fieldErrors.userId = ["Choose a member of this community"];
  if (!community.scope.memberIds.includes(input.partnerId))
    fieldErrors.partnerId = ["Choose a member of this community"];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  await setPeerPair(deps.db, community.id, input.userId, input.partnerId);
  return { ok: true };
}

/** Ends the peer-check pair this member is in. */
export async function endPeerPair(deps: Deps, communityId: string, userId: string) {
  await removePeerPair(deps.db, communityId, userId);
}
