/**
 * Which external services the tests need, and what happens when one is missing: under CI=true a
 * missing service fails the run (never a skip); on a developer's machine the tests that need it
 * are skipped with a message saying how to run them.
 */
import { existsSync } from "node:fs";
import postgres from "postgres";

export const inCI = process.env.CI === "true";

/** Where the Postgres tests create their throwaway databases. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function postgresAvailable(): Promise<boolean> {
  if (inCI) return true; // CI must run them: a missing server then fails the tests loudly.
  const sql = postgres(postgresAdminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    console.warn(`Postgres is not reachable at ${postgresAdminUrl}: its tests are skipped (set TEST_DATABASE_URL).`);
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  if (inCI) return true;
  const ok = existsSync(chromiumPath);
  if (!ok)
    console.warn(`Chromium is not installed at ${chromiumPath}: browser tests are skipped (apt-get install chromium).`);
  return ok;
}
