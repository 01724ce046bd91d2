import { parseEnv } from "../../app/utils/env.server";
import { createLogger } from "../../app/utils/logger.server";
import type { DatabaseHandle } from "../../db/client";
import { startCommons, type RunningCommons } from "../../server/start";

/**
 * The real server (built Remix app, sessions, Origin check) on a free port, over the given
 * database. Needs `remix build` first (npm test does it).
 */
export async function startTestApp(
  database: DatabaseHandle,
  env: Record<string, string> = {},
  collab?: Parameters<typeof startCommons>[0]["collab"],
): Promise<RunningCommons> {
  return startCommons({
    env: parseEnv({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent", ...env }),
    logger: createLogger("silent"),
    database,
    collab,
  });
}

/** A tiny browser stand-in: keeps cookies, sends our Origin on POSTs, never follows redirects. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit & { origin?: string | null } = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader);
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET" && init.origin !== null) headers.set("Origin", init.origin ?? this.baseUrl);
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  /** Submits a form the way a browser does (urlencoded, with our Origin). */
  post(path: string, fields: Record<string, string>, init: { origin?: string | null } = {}) {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      ...init,
    });
  }

  signIn(email: string, password: string) {
    return this.post("/login", { email, password });
  }
}

/** The page as a person sees it: no scripts (they carry raw loader data), no React text separators, entities decoded. */
export async function visible(res: Response) {
  return (await res.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<!-- -->/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
