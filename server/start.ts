import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAuth } from "../app/features/auth/sessions.server";
import type { Env } from "../app/utils/env.server";
import { createLogger, type Logger } from "../app/utils/logger.server";
import { createMailer } from "../app/features/notifications/mailer.server";
import { notifyMentions } from "../app/features/notifications/mentions.server";
import type { AppServices } from "../app/utils/services.server";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { schoolYearOf } from "../app/kernel/school-year";
import { seedDemoNetwork, type DemoSignIns } from "./seed/demo";
import { findDemoSignIns } from "./seed/demo-sign-ins";
import { createHttpApp, type BuildSource } from "./http-app";
import { closeGracefully } from "./shutdown";
import { createUpgradeHandler, upgradeOriginCheck } from "./upgrade";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "../collab/server";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const BUILD_PATH = path.join(ROOT, "build", "index.js");

export type RunningCommons = {
  server: Server;
  url: string;
  services: AppServices;
  database: DatabaseHandle;
  collab: CollabServer;
  demo: DemoSignIns | null;
  close(): Promise<void>;
};

/** Loads the Remix server build; `fresh` re-imports it after a rebuild (development). */
export async function importBuild(fresh = false): Promise<ServerBuild> {
  const url = pathToFileURL(BUILD_PATH).href + (fresh ? `?t=${Date.now()}` : "");
  return (await import(url)) as ServerBuild;
}

/**
 * Opens the database (migrating it), seeds the demo network into an empty one when asked (and finds
 * the demo's sign-ins in one that holds it), and serves HTTP. Used by `server/index.ts` and by the
 * integration and browser tests (port 0).
 */
export async function startCommons(options: {
  env: Env;
  logger?: Logger;
  database?: DatabaseHandle;
  getBuild?: BuildSource;
  /** Overrides for the collaboration server (tests use shorter timings). */
  collab?: Partial<Omit<CollabServerOptions, "db" | "auth" | "logger">>;
}): Promise<RunningCommons> {
  const { env } = options;
  const logger = options.logger ?? createLogger(env.logLevel);
  const database = options.database ?? (await openDatabase(env.database));
  const secure = env.appUrl?.startsWith("https://") ?? false;
  const services: AppServices = {
    db: database.db,
    env,
    logger,
    auth: createAuth(database.db, { idleMs: env.sessionIdleMs, absoluteMs: env.sessionAbsoluteMs, secure }),
    mailer: await createMailer({
      db: database.db,
      logger,
      smtpUrl: env.smtpUrl,
      from: env.mailFrom,
      logBodies: env.nodeEnv !== "production",
    }),
    realtime: { sessionEnded: () => {}, accessChanged: () => {} },
  };

  // A database holding the demo network gets its sign-ins printed on every start, seeded now or not.
  const demo = env.seedDemo
    ? await seedDemoNetwork(database.db, { password: env.demoPassword, schoolYear: schoolYearOf(new Date()) })
    : await findDemoSignIns(database.db, env.demoPassword);

  const build = options.getBuild ? null : await importBuild();
  const collab = createCollabServer({
    db: database.db,
    auth: services.auth,
    logger,
    allowedOrigin: upgradeOriginCheck(env.appUrl, env.trustProxy),
    // New @mentions in shared texts become in-app notifications (collab/ cannot import the app's features).
    mentions: (docName, found) => notifyMentions({ db: database.db }, docName, found),
    ...options.collab,
    persistence: { maxDocumentBytes: env.collabMaxDocumentBytes, ...options.collab?.persistence },
  });
  const app = createHttpApp({
    services,
    database,
    getBuild: options.getBuild ?? (async () => build!),
    publicDir: path.join(ROOT, "public"),
    status: () => ({ collab: collab.summary() }),
  });
  services.realtime.sessionEnded = collab.sessionEnded;
  services.realtime.accessChanged = collab.accessChanged;
  const server = createServer(app);
  server.on("upgrade", createUpgradeHandler(collab));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  const displayHost = env.host === "0.0.0.0" || env.host === "127.0.0.1" || env.host === "::" ? "localhost" : env.host;

  const sweep = setInterval(() => {
    services.auth.deleteExpiredSessions().catch((error) => logger.warn("could not remove expired sessions", { error }));
  }, 3_600_000);
  sweep.unref();

  return {
    server,
    url: `http://${displayHost}:${port}`,
    services,
    database,
    collab,
    demo,
    close: () => {
      // Live sockets first: server.close() waits for every upgraded socket, so they are told to
      // reconnect (and every document is flushed) at once, not after HTTP has drained.
      const collabClosed = collab.close();
      return closeGracefully(server, logger, [
        async () => clearInterval(sweep),
        () => collabClosed,
        () => database.close(),
      ]);
    },
  };
}
