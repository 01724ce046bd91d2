import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { createAuthority } from "../../db/queries/authorities";
import { insertSchools } from "../../db/queries/schools";
import { createUserWithGrants, type Grant } from "../../db/queries/users";
import { hashPassword } from "../../app/utils/password.server";

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
