import type { Request, Response } from "express";
import type { DatabaseHandle } from "../db/client";

const TIMEOUT_MS = 2_000;

/** GET /healthz: 200 with the database status when it answers, 503 when it does not. */
export function healthz(
  database: Pick<DatabaseHandle, "ping" | "driver">,
  status: () => Record<string, unknown> = () => ({}),
) {
  return async (_req: Request, res: Response) => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        database.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        }),
      ]);
      res.status(200).json({
        status: "ok",
        database: { status: "ok", driver: database.driver, latencyMs: Date.now() - started },
        ...status(),
      });
    } catch (error) {
      res.status(503).json({
        status: "unavailable",
        database: { status: "unreachable", driver: database.driver, error: (error as Error).message },
      });
    } finally {
      clearTimeout(timer);
    }
  };
}
