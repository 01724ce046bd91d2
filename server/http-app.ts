import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { AppServices } from "../app/utils/services.server";
import type { DatabaseHandle } from "../db/client";
import { healthz } from "./healthz";
import { originCheck } from "./origin-check";
import { securityHeaders } from "./security-headers";

export type BuildSource = () => Promise<ServerBuild>;

/** The Express app: security headers, /healthz, static files, session, Origin check, then Remix. */
export function createHttpApp(options: {
  services: AppServices;
  database: DatabaseHandle;
  getBuild: BuildSource;
  publicDir: string;
  /** Extra figures for /healthz (the collaboration server's counters). */
  status?: () => Record<string, unknown>;
}) {
  const { services } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", services.env.trustProxy);

  app.use(
    securityHeaders({
      development: services.env.nodeEnv === "development",
      previewHosts: services.env.linkPreviewAllowHosts,
    }),
  );

  app.use((req, res, next) => {
    const started = Date.now();
    res.on("finish", () => {
      if (req.path.startsWith("/build/") || req.path === "/favicon.ico") return;
      services.logger.info("request", {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Date.now() - started,
      });
    });
    next();
  });

  app.get("/healthz", healthz(options.database, options.status));

  app.use("/build", express.static(path.join(options.publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.publicDir, { maxAge: "1h" }));

  // The session is resolved once per request here, so Remix loaders, actions and (later) the
  // WebSocket upgrade all see the same answer from the same module.
  app.use(async (req, res, next) => {
    try {
      const session = await services.auth.validate(req.headers.cookie);
      res.locals.user = session?.user ?? null;
      res.locals.sessionId = session?.sessionId ?? null;
      if (session?.setCookie) res.append("Set-Cookie", session.setCookie);
      else if (!session && req.headers.cookie?.includes(services.auth.cookieName + "=")) {
        res.append("Set-Cookie", services.auth.blankCookie());
      }
      next();
    } catch (error) {
      next(error);
    }
  });

  app.use(originCheck(services.env.appUrl));
  // Remix 2.17 also compares Origin with Host (or X-Forwarded-Host) and answers a mismatch with a blank
  // 500: APP_URL behind a proxy that rewrites Host, or `Origin: null` with a same-origin Referer. The
  // check above has already accepted the request, so Remix is not shown the Origin.
  app.use((req, _res, next) => {
    delete req.headers.origin;
    next();
  });

  let current: { build: ServerBuild; handler: ReturnType<typeof createRequestHandler> } | null = null;
  app.all("*", async (req, res, next) => {
    try {
      const build = await options.getBuild();
      if (current?.build !== build) {
        current = {
          build,
          handler: createRequestHandler({
            build,
            // Stack traces reach the browser only under `npm run dev`; `npm start` serves like production.
            mode:
              services.env.nodeEnv === "development" && !process.env.REMIX_DEV_ORIGIN
                ? "production"
                : services.env.nodeEnv,
            getLoadContext: (request, response) => ({
              services,
              user: response.locals.user ?? null,
              sessionId: response.locals.sessionId ?? null,
              clientIp: request.ip ?? request.socket.remoteAddress ?? "unknown",
              cspNonce: (response.locals.cspNonce as string | undefined) ?? "",
            }),
          }),
        };
      }
      await current.handler(req, res, next);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    services.logger.error("request failed", { error });
    if (res.headersSent) return;
    res.status(500).type("text/plain").send("Something went wrong on our side. Please try again in a moment.");
  });

  return app;
}
