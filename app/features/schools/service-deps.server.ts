/**
 * What the school-improvement services (plans, visits, reports, brokering, deployment) need, and
 * the one shape of their refusals. A service returns a refusal instead of throwing a Response, so
 * a second entry point (a job, an API) can call it; a route turns it into the same Response as before.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "../../../db/client";
import { forbidden, invariantResponse } from "../../utils/http.server";
import type { Logger } from "../../utils/logger.server";
import type { Mailer } from "../notifications/mailer.server";

/** What time it is; injected by tests so rules about "today" and "this school year" can be pinned. */
export type Clock = () => Date;

/**
 * The database and the logger: what every write needs; `now` is the clock for services that
 * decide by the date (the real time when absent).
 */
export type WriteDeps = { db: Database; logger: Logger; now?: Clock };

/** The current time by the deps' clock. */
export const nowOf = (deps: { now?: Clock }): Date => deps.now?.() ?? new Date();

/** A write that tells people afterwards: the mailer, and the origin that links in emails point to. */
export type NotifyingDeps = WriteDeps & {
  mailer: Mailer;
  origin: string;
  /** Open collaboration sockets re-check a person's access at once (after a change of who may see what). */
  realtime?: { accessChanged(userId: string): void };
};

/** Why a service did not do its work, in words a person understands, with the HTTP status it maps to. */
export type Refused = { ok: false; status: 400 | 403 | 404 | 409; message: string };

export function refuse(status: Refused["status"], message: string): Refused {
  return { ok: false, status, message };
}

/** The deps of a request: links in emails use APP_URL, or else the address the request came to. */
export function serviceDeps(context: AppLoadContext, request: Request): NotifyingDeps {
  const { db, logger, mailer, env, realtime } = context.services;
  return { db, logger, mailer, realtime, origin: env.appUrl ?? new URL(request.url).origin };
}

/** Throws the refusal as the Response the route always gave: a bare 403, or a plain-text 400/404/409. */
export function throwRefusal(refusal: Refused): never {
  if (refusal.status === 403) forbidden(refusal.message);
  invariantResponse(false, refusal.message, refusal.status);
}
