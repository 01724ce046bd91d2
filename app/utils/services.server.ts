import type { Database } from "../../db/client";
import type { Auth, SessionUser } from "../features/auth/sessions.server";
import type { Env } from "./env.server";
import type { Logger } from "./logger.server";
import type { Mailer } from "../features/notifications/mailer.server";

/** What the Node process opens once and hands to every loader and action through the load context. */
export type AppServices = {
  db: Database;
  env: Env;
  logger: Logger;
  auth: Auth;
  mailer: Mailer;
  /** Hooks into the collaboration server (set once it is running). */
  realtime: {
    sessionEnded(sessionId: string): void;
    /** The person's memberships changed: their open documents are re-checked at once. */
    accessChanged(userId: string): void;
  };
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: AppServices;
    /** The signed-in user for this request (validated by the server before Remix runs), or null. */
    user: SessionUser | null;
    sessionId: string | null;
    /** The client's address as the throttle sees it. */
    clientIp: string;
    /** This response's Content-Security-Policy nonce for inline scripts (server/security-headers.ts). */
    cspNonce?: string;
  }
}
