import { verifyPassword } from "../../app/features/auth/password.server";
import type { Database } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { demoSchools } from "./demo-data";

/** The demo's admin: its presence is what marks a database as holding the demo network. */
export const DEMO_ADMIN_EMAIL = "admin@demo.test";

export type DemoSignIns = {
  created: boolean;
  /** False when the demo accounts no longer take the password this start was given (so it is not printed). */
  passwordMatches: boolean;
  signIns: Array<{ email: string; description: string }>;
};

/** Every demo account, with what it is for, in the order a newcomer would try them. */
export function describeSignIns(): DemoSignIns["signIns"] {
  return [
    { email: DEMO_ADMIN_EMAIL, description: "local authority admin" },
    { email: "facilitator1@demo.test", description: "facilitator" },
    { email: "facilitator2@demo.test", description: "facilitator" },
    ...[1, 2, 3].map((n) => ({ email: `sip${n}@demo.test`, description: "School Improvement Partner" })),
    ...demoSchools.map((s, i) => ({ email: `head${i + 1}@demo.test`, description: `head teacher, ${s.name}` })),
    { email: "governor1@demo.test", description: `governor, ${demoSchools[0].name}` },
  ];
}

/**
 * The sign-ins of the demo network when this database holds it (whether or not this start was asked
 * to seed), so every start of a demo prints them; null on a real deployment. `.test` addresses cannot
 * belong to real people, so the demo admin's account is a safe marker.
 */
export async function findDemoSignIns(db: Database, password: string): Promise<DemoSignIns | null> {
  const admin = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
  if (!admin) return null;
  return {
    created: false,
    passwordMatches: await verifyPassword(admin.passwordHash, password),
    signIns: describeSignIns(),
  };
}
