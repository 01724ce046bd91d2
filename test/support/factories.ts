import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { createAuthority } from "../../db/queries/authorities";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { insertSchools } from "../../db/queries/schools";
import { schoolYearOf } from "../../app/kernel/school-year";
import { createUserWithGrants, type Grant } from "../../db/queries/users";
import { hashPassword } from "../../app/features/auth/password.server";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));
const unique = () => randomBytes(4).toString("hex");

/** An authority with `schoolCount` schools. */
export async function makeAuthority(db: Database, schoolCount = 2) {
  const authority = await createAuthority(db, { name: `Test Authority ${unique()}` });
  const schools = await insertSchools(
    db,
    Array.from({ length: schoolCount }, (_, i) => ({
      authorityId: authority.id,
      name: `Test School ${i + 1} ${unique()}`,
      reference: `T${unique()}`,
      phase: "primary" as const,
      category: "universal" as const,
      locality: "Testville",
    })),
  );
  return { authority, schools };
}

/** A person with the given roles in the authority; password is TEST_PASSWORD. */
export async function makeUser(
  db: Database,
  authorityId: string,
  grants: Array<{ role: Grant["role"]; schoolId?: string | null }>,
  overrides: { email?: string; name?: string } = {},
) {
  return createUserWithGrants(
    db,
    {
      email: overrides.email ?? `person-${unique()}@example.test`,
      name: overrides.name ?? "Test Person",
      passwordHash: await passwordHash(),
    },
    grants.map((g) => ({ role: g.role, authorityId, schoolId: g.schoolId ?? null })),
  );
}

/**
 * A community of practice, "Riverside", in a cohort for this school year: two school leaders (Ada
 * and Ben, the members), the cohort's facilitator (Fay) and the SIP of Ada's school (Sam, who may read).
 */
export async function makeCommunityWithPeople(db: Database) {
  const { authority, schools } = await makeAuthority(db, 2);
  const ada = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
    name: "Ada Member",
  });
  const ben = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }], {
    name: "Ben Member",
  });
  const fay = await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" });
  const sam = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
  const schoolYear = schoolYearOf(new Date());
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Cohort One",
    schoolYear,
    facilitatorIds: [fay.id],
    leaderIds: [ada.id, ben.id],
  });
  const community = await createCommunity(db, { cohortId: cohort.id, name: "Riverside", memberIds: [ada.id, ben.id] });
  await assignSip(db, { authorityId: authority.id, sipUserId: sam.id, schoolIds: [schools[0].id], schoolYear });
  return { authority, schools, cohort, community, people: { ada, ben, fay, sam } };
}
