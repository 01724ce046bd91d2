import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { roleGrants, users } from "../schema/index";

/** The school's leaders and governors (name and role). */
export function listSchoolPeople(db: Database, schoolId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.schoolId, schoolId))
    .orderBy(asc(roleGrants.role), asc(users.name));
}
