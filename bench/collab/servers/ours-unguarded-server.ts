/**
 * BENCHMARK ONLY: the Commons server exactly as server/index.ts starts it, except that the
 * collaboration server applies incoming updates without checking them against the write rules
 * (`persistence.checkWrites: false`, ADR 024). It exists so bench:collab can measure what the rules
 * cost; the app itself has no setting that turns them off. Prints the same "Commons is running at"
 * line the orchestrator waits for.
 */
import { parseEnv } from "../../../app/utils/env.server";
import { createLogger } from "../../../app/utils/logger.server";
import { startCommons } from "../../../server/start";

const env = parseEnv(process.env);
const logger = createLogger(env.logLevel);
const running = await startCommons({ env, logger, collab: { persistence: { checkWrites: false } } });
logger.info("Commons is running (write rules OFF: benchmark baseline)", { url: running.url });
process.stdout.write(`\nCommons is running at ${running.url} (write rules OFF: benchmark baseline)\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  running.close().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : error}\n`);
      process.exit(1);
    },
  );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
