import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";

/** The drizzle database both drivers produce; queries are written against this type only. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig =
  { driver: "postgres"; url: string; maxConnections?: number } | { driver: "pglite"; dataDir: string | null };

/** An open database: the drizzle handle, which driver backs it, a health probe and a close. */
export type DatabaseHandle = {
  db: Database;
  driver: DatabaseConfig["driver"];
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens the database and applies the committed migrations. `dataDir: null` gives an in-memory
 * PGlite (tests). A PGlite folder is locked to one process, since two openers corrupt it.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const handle = config.driver === "postgres" ? await openPostgres(config) : await openPglite(config);
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPostgres(config: { url: string; maxConnections?: number }): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(config.url, {
    max: config.maxConnections ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(config: { dataDir: string | null }): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let lock: DataDirLock | null = null;
  let client: InstanceType<typeof PGlite>;
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    lock = acquireDataDirLock(config.dataDir);
    try {
      client = new PGlite(path.join(config.dataDir, "pglite"));
      await client.waitReady;
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = new PGlite();
    await client.waitReady;
  }
  const db = drizzle(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    driver: "pglite",
    ping: async () => {
      if (closed) throw new Error("The embedded database is closed.");
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

async function migrateDatabase(handle: DatabaseHandle) {
  if (handle.driver === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder });
  }
}
