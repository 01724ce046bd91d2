/**
 * Security headers for every response, through helmet: a strict Content-Security-Policy whose
 * scripts must carry this response's nonce (Remix's inline hydration scripts get it through
 * app/utils/nonce.tsx), no framing, no plug-ins, forms and <base> only to ourselves. Styles allow
 * inline attributes: the editor, drag and drop and charts position things with `style=`, which
 * cannot run code. Images may come from any https address (link previews show a page's own
 * image). In development the live-reload socket on another port is allowed.
 */
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

export function securityHeaders(options: {
  development: boolean;
  /** Hosts link previews may come from although not public (LINK_PREVIEW_ALLOW_HOSTS): their images load too. */
  previewHosts?: ReadonlyArray<{ host: string; port: string | null }>;
}): RequestHandler[] {
  const previewImages = (options.previewHosts ?? []).flatMap(({ host, port }) =>
    ["http", "https"].map((scheme) => `${scheme}://${host}:${port ?? "*"}`),
  );
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
        ],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:", ...previewImages],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", ...(options.development ? ["ws:", "wss:"] : [])],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // The PDF renderer and the link-preview images load cross-origin resources the classic way.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    // HSTS belongs to the TLS terminator in front of us (docs/deploy.md); over plain HTTP it is ignored.
    strictTransportSecurity: false,
  });
  return [nonce, headers];
}
