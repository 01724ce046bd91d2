import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { postgresAdminUrl, postgresAvailable } from "./services";

export type TestDatabase = { name: "pglite" | "postgres"; open(): Promise<DatabaseHandle> };

const pglite: TestDatabase = { name: "pglite", open: () => openDatabase({ driver: "pglite", dataDir: null }) };

/** A fresh, migrated database on the Postgres server, dropped again when the handle closes. */
const realPostgres: TestDatabase = {
  name: "postgres",
  async open() {
    const dbName = `commons_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${dbName}`;
    const handle = await openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 });
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${dbName} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  },
};

/** The databases every integration suite runs on: embedded PGlite, and real Postgres when present. */
export async function testDatabases(): Promise<TestDatabase[]> {
  return (await postgresAvailable()) ? [pglite, realPostgres] : [pglite];
}
