/**
 * The communities-of-practice services called directly, without a page: a second entry point (a
 * job, an API) gets the same checks and the same consequences (the peer notified, the log line,
 * the refusal in the same words).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { getCohortScope, getCommunityScope } from "../../db/queries/community-scope";
import { getChallenge } from "../../db/queries/equity";
import { listForUser } from "../../db/queries/notifications";
import { createPlan } from "../../db/queries/plan-links";
import { listSuggestions } from "../../db/queries/playlists";
import { listAttendance } from "../../db/queries/sessions";
import { getGrants } from "../../db/queries/users";
import type { CurrentActor } from "../../app/features/auth/guard.server";
import { addLeaders, removeMember, startCohort } from "../../app/features/cohorts/service.server";
import { formCohortCommunity, pairPeers, saveEquityChallenge } from "../../app/features/communities/service.server";
import { linkInquiryToPlan } from "../../app/features/inquiry/service.server";
import { recordOutcome } from "../../app/features/outcomes/service.server";
import { decideSuggestion, suggestResource } from "../../app/features/playlists/service.server";
import { logPractice } from "../../app/features/practice/service.server";
import { SessionSchema } from "../../app/features/sessions/schema";
import { scheduleSession, takeAttendance } from "../../app/features/sessions/service.server";
import { answerSurvey, openSurveyRound } from "../../app/features/surveys/service.server";
import { surveyItems } from "../../app/features/surveys/trust-survey";
import { schoolYearOf } from "../../app/kernel/school-year";
import type { PlaylistTarget } from "../../app/features/playlists/page-data.server";
import { createLogger, type Logger } from "../../app/utils/logger.server";
import { testDatabases } from "../support/databases";
import { makeCommunityWithPeople } from "../support/factories";

type World = Awaited<ReturnType<typeof makeCommunityWithPeople>>;

describe.each(await testDatabases())("communities-of-practice services without a page on $name", (database) => {
  let handle: DatabaseHandle;
  let deps: { db: DatabaseHandle["db"]; logger: Logger };
  let world: World;
  const as: Record<"ada" | "ben" | "fay", CurrentActor> = {} as never;
  const year = schoolYearOf(new Date());

  async function actorOf(user: { id: string; email: string; name: string }): Promise<CurrentActor> {
    return {
      userId: user.id,
      user: { id: user.id, email: user.email, name: user.name },
      grants: await getGrants(handle.db, user.id),
    };
  }
  const cohortScope = async () => (await getCohortScope(handle.db, world.cohort.id, year))!;

  beforeAll(async () => {
    handle = await database.open();
    deps = { db: handle.db, logger: createLogger("silent") };
    world = await makeCommunityWithPeople(handle.db);
    for (const key of ["ada", "ben", "fay"] as const) as[key] = await actorOf(world.people[key]);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("logs practice, then notifies the colleague it was shared with; a non-colleague is refused", async () => {
    const input = {
      learningApplied: "Ran a story circle",
      insight: "Families had never been asked",
      sharedWith: world.people.ben.id,
    };
    const logged = await logPractice(deps, as.ada, world.cohort.id, input);
    expect(logged).toMatchObject({ ok: true, peerName: "Ben Member" });
    const [note] = await listForUser(handle.db, world.people.ben.id);
    expect(note).toMatchObject({ title: "Ada Member shared an insight with you", body: input.insight });
    expect(note.link).toBe(`/cohorts/${world.cohort.id}/practice#log-${logged.ok ? logged.logId : ""}`);
    const refused = await logPractice(deps, as.ada, world.cohort.id, { ...input, sharedWith: world.people.ada.id });
    expect(refused).toEqual({ ok: false, fieldErrors: { sharedWith: ["Choose a colleague from your cohort."] } });
  });

  it("starts a cohort only in the facilitator's authority, once per name and year, and manages its members", async () => {
    const input = { authorityId: world.authority.id, name: "Second cohort", schoolYear: year };
    expect(await startCohort(deps, as.ada, input)).toEqual({
      ok: false,
      fieldErrors: { authorityId: ["Choose the authority."] },
    });
    const started = await startCohort(deps, as.fay, input);
    expect(started.ok).toBe(true);
    expect(await startCohort(deps, as.fay, input)).toEqual({
      ok: false,
      fieldErrors: { name: [`A cohort called Second cohort already exists for ${year}.`] },
    });
    const cohort = { id: started.ok ? started.cohortId : "", authorityId: world.authority.id };
    expect(await addLeaders(deps, as.fay, cohort, [world.people.ada.id])).toEqual({
      ok: true,
      done: "Added Ada Member.",
    });
    expect((await addLeaders(deps, as.fay, cohort, [world.people.ada.id])).ok).toBe(false);
    const scope = (await getCohortScope(handle.db, cohort.id, year))!;
    const self = await removeMember(
      deps,
      as.fay,
      { ...cohort, scope },
      { userId: world.people.fay.id, role: "facilitator" },
    );
    expect(self).toEqual({
      ok: false,
      reason: "forbidden",
      message: "You cannot remove yourself as a facilitator: ask a co-facilitator.",
    });
  });

  it("schedules a session and takes its register, ignoring marks for people who are not its leaders", async () => {
    const input = SessionSchema.parse({
      title: "Session 1",
      startsAt: "2030-10-14T14:00",
      durationMinutes: 120,
      place: "Room 4",
      agenda: [{ template: "check-in", minutes: 10 }],
    });
    const { sessionId } = await scheduleSession(deps, as.fay, world.cohort.id, input);
    const session = { cohortId: world.cohort.id, sessionId };
    expect(await takeAttendance(deps, as.fay, session, () => null)).toEqual({
      ok: false,
      error: "Mark at least one leader present or absent.",
    });
    const marks: Record<string, string> = {
      [world.people.ada.id]: "present",
      [world.people.ben.id]: "absent",
      [world.people.fay.id]: "present",
    };
    expect(await takeAttendance(deps, as.fay, session, (id) => marks[id] ?? null)).toEqual({
      ok: true,
      done: "Attendance saved: 1 present, 1 absent.",
    });
    expect((await listAttendance(handle.db, world.cohort.id, sessionId)).map((a) => a.present).sort()).toEqual([
      false,
      true,
    ]);
  });

  it("opens one survey round at a time and takes each leader's answers once", async () => {
    const opened = await openSurveyRound(deps, as.fay, world.cohort.id, "start");
    expect(opened).toEqual({ ok: true, done: "The start of year round is open." });
    expect((await openSurveyRound(deps, as.fay, world.cohort.id, "mid")).ok).toBe(false);
    const [round] = await handle.db.query.trustSurveyRounds.findMany({
      where: (r, { eq }) => eq(r.cohortId, world.cohort.id),
    });
    const answers = Object.fromEntries(surveyItems.map((item) => [item.id, 4]));
    expect((await answerSurvey(deps, as.ada, world.cohort.id, { roundId: round.id, ...answers })).ok).toBe(true);
    const again = await answerSurvey(deps, as.ada, world.cohort.id, { roundId: round.id, ...answers });
    expect(again).toEqual({
      ok: false,
      error: "You have already answered this round. Each leader answers once, and answers cannot be changed.",
    });
  });

  it("keeps a leader in one community, pairs only members, and stores a challenge's tags normalised", async () => {
    const formed = await formCohortCommunity(deps, as.fay, world.cohort.id, {
      name: "Again",
      memberIds: [world.people.ada.id],
    });
    expect(formed).toMatchObject({ ok: false, error: expect.stringContaining("Ada Member (in Riverside)") });
    const scope = (await getCommunityScope(handle.db, world.community.id, year))!;
    const paired = await pairPeers(
      deps,
      { id: world.community.id, scope },
      { userId: world.people.ada.id, partnerId: world.people.fay.id },
    );
    expect(paired).toEqual({ ok: false, fieldErrors: { partnerId: ["Choose a member of this community"] } });
    await saveEquityChallenge(deps, as.ada, world.cohort.id, {
      text: "Persistent absence has not moved",
      tags: "Attendance, SEND",
    });
    expect((await getChallenge(handle.db, world.cohort.id, world.people.ada.id))?.tags).toEqual(["attendance", "send"]);
  });

  it("links the inquiry only to the leader's own school's plan", async () => {
    const scope = (await getCommunityScope(handle.db, world.community.id, year))!;
    const community = { id: world.community.id, scope };
    const noPlan = await linkInquiryToPlan(deps, as.ada, community, { schoolId: world.schools[0].id, priorityIds: [] });
    expect(noPlan).toEqual({
      ok: false,
      reason: "no-plan",
      formErrors: ["Your school has no plan for this year yet."],
    });
    const plan = await createPlan(handle.db, {
      schoolId: world.schools[0].id,
      schoolYear: year,
      priorities: [{ title: "Reading", area: "Quality of education" }],
    });
    expect(
      await linkInquiryToPlan(deps, as.ada, community, {
        schoolId: world.schools[0].id,
        priorityIds: [plan.priorities[0].id],
      }),
    ).toEqual({ ok: true });
    expect(
      (await linkInquiryToPlan(deps, as.ada, community, { schoolId: world.schools[1].id, priorityIds: [] })).ok,
    ).toBe(false);
  });

  it("records an outcome for the leader's own school once per group and measure", async () => {
    const cohort = { id: world.cohort.id, scope: await cohortScope() };
    const row = {
      schoolId: world.schools[0].id,
      studentGroup: "all",
      measure: "reading",
      baseline: 60,
      target: 70,
      actual: 72,
    } as const;
    expect(await recordOutcome(deps, as.ada, cohort, row)).toEqual({ ok: true });
    expect(await recordOutcome(deps, as.ada, cohort, row)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await recordOutcome(deps, as.ada, cohort, { ...row, schoolId: world.schools[1].id })).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
  });

  it("lets a leader suggest a resource and a facilitator decide it once", async () => {
    const scope = (await getCommunityScope(handle.db, world.community.id, year))!;
    const target = (actor: CurrentActor): PlaylistTarget => ({
      playlistId: world.community.id,
      cohortId: world.cohort.id,
      docName: `playlist.${world.community.id}`,
      actor,
      scope,
      // As the permission module grants it: the cohort's facilitator curates (writes), a leader reads.
      access: actor === as.fay ? "write" : "read",
      leaders: [],
    });
    const resource = {
      title: "Family voice",
      url: "https://example.org/family",
      type: "reading",
      minutes: 20,
      why: "It helps us listen",
    } as const;
    expect(await suggestResource(deps, target(as.fay), resource)).toMatchObject({ ok: false, reason: "forbidden" });
    expect(await suggestResource(deps, target(as.ada), resource)).toEqual({ ok: true });
    const [pending] = await listSuggestions(handle.db, world.community.id, { pending: true });
    const decide = () => decideSuggestion(deps, target(as.fay), { suggestionId: pending.id, decision: "approved" });
    expect(await decide()).toEqual({ ok: true, suggestionId: pending.id, url: resource.url });
    expect(await decide()).toEqual({ ok: false, reason: "gone" });
  });
});
