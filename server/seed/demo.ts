import { hashPassword } from "../../app/features/auth/password.server";
import type { Database } from "../../db/client";
import { createAuthority } from "../../db/queries/authorities";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { insertSchools } from "../../db/queries/schools";
import { createUserWithGrants, type Grant } from "../../db/queries/users";
import { users } from "../../db/schema/index";
import { demoHeadNames, demoSchools } from "./demo-data";
import { DEMO_ADMIN_EMAIL, describeSignIns, findDemoSignIns, type DemoSignIns } from "./demo-sign-ins";
import type { DemoContext } from "./demo-context";
import { seedDeployment } from "./demo-deployment";
import { seedOutcomesAndPlans } from "./demo-outcomes";
import { seedPlans } from "./demo-plans";
import { seedPlaylistsAndPractice } from "./demo-playlists";
import { seedReports } from "./demo-reports";
import { seedSessions } from "./demo-sessions";
import { seedCommunityStories } from "./demo-story";
import { seedSurveyAndChallenges } from "./demo-survey";

/**
 * The parts of the demo built on the core network, in order: sessions before practice logs (which
 * attach to the next session); the challenges, then the communities' stories, boards and questions; the minimal plans of schools 1–2 before the full plans; plans and
 * deployment before reports.
 */
const areaSeeds: Array<(ctx: DemoContext) => Promise<unknown>> = [
  seedSessions,
  seedSurveyAndChallenges,
  seedCommunityStories,
  seedPlaylistsAndPractice,
  seedOutcomesAndPlans,
  seedPlans,
  seedDeployment,
  seedReports,
];

export type { DemoSignIns } from "./demo-sign-ins";

/**
 * Seeds the demo network into an empty database (no users at all), in one transaction. On a
 * database that already holds the demo network it only returns the sign-ins, so they can be printed
 * again; on any other non-empty database it does nothing and returns null.
 */
export async function seedDemoNetwork(
  db: Database,
  options: { password: string; schoolYear: string },
): Promise<DemoSignIns | null> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return findDemoSignIns(db, options.password);

  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const txDb = tx as unknown as Database;
    const authority = await createAuthority(txDb, { name: "Kingsmere Borough Council", terminology: "en-GB" });
    const schools = await insertSchools(
      txDb,
      demoSchools.map((s) => ({ ...s, authorityId: authority.id })),
    );
    const byRef = new Map(schools.map((s) => [s.reference, s.id]));
    const schoolId = (n: number) => byRef.get(demoSchools[n - 1].reference)!;
    const at = (role: Grant["role"], school: string | null = null): Grant => ({
      role,
      authorityId: authority.id,
      schoolId: school,
    });
    const person = (email: string, name: string, grants: Grant[]) =>
      createUserWithGrants(txDb, { email, name, passwordHash }, grants);

    await person(DEMO_ADMIN_EMAIL, "Sarah Whitmore", [at("authority_admin")]);
    const facilitator = await person("facilitator1@demo.test", "Priya Sharma", [at("facilitator")]);
    await person("facilitator2@demo.test", "Tom Gallagher", [at("facilitator")]);
    const sips = [
      await person("sip1@demo.test", "Dr Helen Marsh", [at("sip")]),
      await person("sip2@demo.test", "Richard Osei", [at("sip")]),
      await person("sip3@demo.test", "Catherine Lowe", [at("sip")]),
    ];
    const heads = [];
    for (let n = 1; n <= 15; n++) {
      heads.push(await person(`head${n}@demo.test`, demoHeadNames[n - 1], [at("school_leader", schoolId(n))]));
    }
    const governor = await person("governor1@demo.test", "Margaret Ellis", [at("governor", schoolId(1))]);

    // SIP deployment: sip1 has schools 1-5, sip2 6-10, sip3 11-15.
    const schoolYear = options.schoolYear;
    for (const [i, sip] of sips.entries()) {
      const ids = [1, 2, 3, 4, 5].map((k) => schoolId(i * 5 + k));
      await assignSip(txDb, { authorityId: authority.id, sipUserId: sip.id, schoolIds: ids, schoolYear });
    }

    // A cohort with one community of practice (heads 1 and 2, facilitated by facilitator1).
    const cohort = await createCohort(txDb, {
      authorityId: authority.id,
      name: "Kingsmere Leaders' Network",
      schoolYear,
      facilitatorIds: [facilitator.id],
      leaderIds: heads.map((h) => h.id),
    });
    const community = await createCommunity(txDb, {
      cohortId: cohort.id,
      name: "Family partnership",
      memberIds: [heads[0].id, heads[1].id],
    });

    const ctx: DemoContext = {
      db: txDb,
      authorityId: authority.id,
      schoolYear,
      cohortId: cohort.id,
      communityId: community.id,
      facilitatorId: facilitator.id,
      headIds: heads.map((h) => h.id),
      schoolIds: heads.map((_, i) => schoolId(i + 1)),
      sipIds: sips.map((s) => s.id),
      governorId: governor.id,
    };
    for (const seedArea of areaSeeds) await seedArea(ctx);
  });
  return { created: true, passwordMatches: true, signIns: describeSignIns() };
}
