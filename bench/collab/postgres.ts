import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** Where the throwaway database is created (the benchmark never touches any other database). */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

/** Creates an empty database for this run; `drop` removes it (also with open connections). */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const admin = new URL(adminUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(admin.hostname))
    throw new Error(`the benchmark only uses a local Postgres, not ${admin.hostname}`);
  const name = `commons_bench_${randomBytes(5).toString("hex")}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  await sql.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
