import { watchFile } from "node:fs";
import path from "node:path";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { DEFAULT_DEMO_PASSWORD, EnvError, parseEnv } from "../app/utils/env.server";
import { createLogger } from "../app/utils/logger.server";
import { DataDirLockedError } from "../db/data-dir-lock";
import { importBuild, ROOT, startCommons } from "./start";

async function main() {
  const env = parseEnv(process.env);
  const logger = createLogger(env.logLevel);
  const dev = env.nodeEnv === "development" && Boolean(process.env.REMIX_DEV_ORIGIN);

  let build: ServerBuild = await importBuild();
  const running = await startCommons({ env, logger, getBuild: async () => build });

  if (dev) {
    // `remix dev --manual`: re-import the build when it changes and tell the dev server (live reload).
    await broadcastDevReady(build);
    watchFile(path.join(ROOT, "build", "version.txt"), { interval: 200 }, async () => {
      build = await importBuild(true);
      await broadcastDevReady(build);
    });
  }

  const where =
    env.database.driver === "pglite" ? `embedded database in ${env.database.dataDir}` : "PostgreSQL (DATABASE_URL)";
  logger.info("Commons is running", { url: running.url, database: where });
  process.stdout.write(`\nCommons is running at ${running.url} (${where})\n`);
  if (running.demo) {
    const password = !running.demo.passwordMatches
      ? "the one set when the demo was created"
      : env.demoPasswordIsDefault
        ? DEFAULT_DEMO_PASSWORD
        : "the DEMO_PASSWORD you set";
    process.stdout.write(
      `\nDemo network ${running.demo.created ? "created" : "ready"}. Sign in with any of these, password: ${password}\n` +
        running.demo.signIns.map((s) => `  ${s.email.padEnd(26)} ${s.description}`).join("\n") +
        "\n\n",
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    running.close().then(
      () => process.exit(0),
      (error) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Commons could not start: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
    );
  }
  process.exit(1);
});
