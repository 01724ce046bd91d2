import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin a request claims to come from: its Origin header, else its Referer's origin, else null. */
export function requestSourceOrigin(headers: { origin?: string; referer?: string }): string | null {
  if (headers.origin && headers.origin !== "null") return headers.origin;
  if (headers.referer) {
    try {
      const origin = new URL(headers.referer).origin;
      return origin === "null" ? null : origin; // an opaque origin (about:, data:) is no origin at all
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether a state-changing request may proceed: its source must be this app's own origin. */
export function isAllowedOrigin(source: string | null, ownOrigins: readonly string[]): boolean {
  return source !== null && ownOrigins.includes(source);
}

/**
 * Refuses every non-GET whose Origin (or Referer) is not this app: the cross-site request forgery
 * defence, on top of SameSite=Lax cookies. The app's own origin is the request's Host (as the
 * browser addressed it) plus APP_URL when configured.
 */
export function originCheck(appUrl: string | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const own = [`${req.protocol}://${req.get("host")}`];
    if (appUrl) own.push(appUrl);
    const source = requestSourceOrigin({ origin: req.get("origin"), referer: req.get("referer") });
    if (isAllowedOrigin(source, own)) return next();
    res
      .status(403)
      .type("text/plain")
      .send("This form was sent from another website, so Commons did not accept it. Go back to Commons and try again.");
  };
}
