import type { Database } from "../../db/client";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { cohortSessions } from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import { makeAuthority, makeUser } from "./factories";

export type WorldRole =
  "member" | "leader" | "facilitator" | "sip" | "otherFacilitator" | "otherSip" | "admin" | "governor" | "outsider";

/**
 * One person per way of relating to a cohort and its community "Riverside":
 * member (leads school 0, in the community; Ben, school 1, is the other member), leader (in the
 * cohort, not the community; school 2), facilitator (of the cohort), sip (assigned to school 0),
 * otherFacilitator and otherSip (same authority, not involved; otherSip has school 3), admin (the
 * authority's), governor (of school 0), outsider (a head in another authority).
 */
export async function makeCohortWorld(db: Database) {
  const { authority, schools } = await makeAuthority(db, 4);
  const other = await makeAuthority(db, 1);
  const schoolYear = schoolYearOf(new Date());
  const at = (role: Parameters<typeof makeUser>[2][number]["role"], schoolId: string | null = null) => [
    { role, schoolId },
  ];
  const people = {
    member: await makeUser(db, authority.id, at("school_leader", schools[0].id), { name: "Ada Member" }),
    leader: await makeUser(db, authority.id, at("school_leader", schools[2].id), { name: "Cal Leader" }),
    facilitator: await makeUser(db, authority.id, at("facilitator"), { name: "Fay Facilitator" }),
    sip: await makeUser(db, authority.id, at("sip"), { name: "Sam Partner" }),
    otherFacilitator: await makeUser(db, authority.id, at("facilitator"), { name: "Olive Facilitator" }),
    otherSip: await makeUser(db, authority.id, at("sip"), { name: "Oscar Partner" }),
    admin: await makeUser(db, authority.id, at("authority_admin"), { name: "Alma Admin" }),
    governor: await makeUser(db, authority.id, at("governor", schools[0].id), { name: "Gil Governor" }),
    outsider: await makeUser(db, other.authority.id, at("school_leader", other.schools[0].id), {
      name: "Otto Outsider",
    }),
  } satisfies Record<WorldRole, unknown>;
  const ben = await makeUser(db, authority.id, at("school_leader", schools[1].id), { name: "Ben Member" });
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Cohort One",
    schoolYear,
    facilitatorIds: [people.facilitator.id],
    leaderIds: [people.member.id, ben.id, people.leader.id],
  });
  const community = await createCommunity(db, {
    cohortId: cohort.id,
    name: "Riverside",
    memberIds: [people.member.id, ben.id],
  });
  await assignSip(db, { authorityId: authority.id, sipUserId: people.sip.id, schoolIds: [schools[0].id], schoolYear });
  await assignSip(db, {
    authorityId: authority.id,
    sipUserId: people.otherSip.id,
    schoolIds: [schools[3].id],
    schoolYear,
  });
  return { authority, schools, people, ben, cohortId: cohort.id, communityId: community.id, schoolYear };
}

export type CohortWorld = Awaited<ReturnType<typeof makeCohortWorld>>;

/** A monthly session next week, for pages and documents that belong to a session. */
export async function createCohortSessionForTest(db: Database, cohortId: string): Promise<string> {
  const [session] = await db
    .insert(cohortSessions)
    .values({ cohortId, title: "October session", startsAt: new Date(Date.now() + 7 * 86_400_000), place: "Room 4" })
    .returning({ id: cohortSessions.id });
  return session.id;
}
