import type { NextFunction, Request, Response } from "express";
import { isAllowedOrigin, originCheck, requestSourceOrigin } from "./origin-check";

describe("requestSourceOrigin", () => {
  it("prefers the Origin header over the Referer", () => {
    expect(requestSourceOrigin({ origin: "https://a.example", referer: "https://b.example/page" })).toBe(
      "https://a.example",
    );
  });

  it('falls back to the Referer\'s origin when Origin is missing or "null"', () => {
    expect(requestSourceOrigin({ referer: "https://b.example:8443/forms/x?y=1" })).toBe("https://b.example:8443");
    expect(requestSourceOrigin({ origin: "null", referer: "https://b.example/page" })).toBe("https://b.example");
  });

  it('gives null for a bad Referer, a "null" Origin alone, or neither header', () => {
    expect(requestSourceOrigin({ referer: "not a url" })).toBeNull();
    expect(requestSourceOrigin({ origin: "null", referer: "about:blank" })).toBeNull();
    expect(requestSourceOrigin({ origin: "null" })).toBeNull();
    expect(requestSourceOrigin({})).toBeNull();
  });
});

describe("isAllowedOrigin", () => {
  const own = ["http://localhost:3000", "https://commons.example.org"];

  it("allows only an exact match with one of our origins", () => {
    expect(isAllowedOrigin("http://localhost:3000", own)).toBe(true);
    expect(isAllowedOrigin("https://commons.example.org", own)).toBe(true);
    expect(isAllowedOrigin("http://commons.example.org", own)).toBe(false);
    expect(isAllowedOrigin("https://commons.example.org.evil.example", own)).toBe(false);
    expect(isAllowedOrigin("http://localhost:3001", own)).toBe(false);
  });

  it("refuses a request with no source at all", () => {
    expect(isAllowedOrigin(null, own)).toBe(false);
    expect(isAllowedOrigin(requestSourceOrigin({}), own)).toBe(false);
  });
});

type Outcome = { passed: boolean; status?: number; type?: string; body?: string };

function run(appUrl: string | null, method: string, headers: Record<string, string>, protocol = "http"): Outcome {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const req = { method, protocol, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
  const outcome: Outcome = { passed: false };
  const res = {
    status(code: number) {
      outcome.status = code;
      return res;
    },
    type(t: string) {
      outcome.type = t;
      return res;
    },
    send(body: string) {
      outcome.body = body;
      return res;
    },
  } as unknown as Response;
  const next: NextFunction = () => {
    outcome.passed = true;
  };
  originCheck(appUrl)(req, res, next);
  return outcome;
}

describe("originCheck middleware", () => {
  const host = { host: "localhost:3000" };

  it.each(["GET", "HEAD", "OPTIONS"])("lets %s through whatever its origin", (method) => {
    expect(run(null, method, { ...host, origin: "https://evil.example" })).toEqual({ passed: true });
  });

  it("lets a POST from the same host through (Origin or Referer)", () => {
    expect(run(null, "POST", { ...host, origin: "http://localhost:3000" }).passed).toBe(true);
    expect(run(null, "POST", { ...host, referer: "http://localhost:3000/admin/schools" }).passed).toBe(true);
  });

  it("uses the request's protocol: an https page posting to an http host is another origin", () => {
    expect(run(null, "POST", { ...host, origin: "https://localhost:3000" }).passed).toBe(false);
    expect(run(null, "POST", { ...host, origin: "https://localhost:3000" }, "https").passed).toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "refuses a %s from another origin with a 403 in plain words",
    (method) => {
      const outcome = run(null, method, { ...host, origin: "https://evil.example" });
      expect(outcome.passed).toBe(false);
      expect(outcome.status).toBe(403);
      expect(outcome.type).toBe("text/plain");
      expect(outcome.body).toContain("sent from another website");
      expect(outcome.body).toContain("Go back to Commons");
    },
  );

  it("refuses a POST with neither Origin nor Referer", () => {
    expect(run(null, "POST", host).status).toBe(403);
  });

  it('refuses a POST whose Origin is "null" and has no Referer (sandboxed or privacy-stripped)', () => {
    expect(run(null, "POST", { ...host, origin: "null" }).status).toBe(403);
  });

  it("accepts the APP_URL origin behind a proxy that rewrites the Host", () => {
    const internal = { host: "127.0.0.1:3000" };
    expect(
      run("https://commons.example.org", "POST", { ...internal, origin: "https://commons.example.org" }).passed,
    ).toBe(true);
    expect(run(null, "POST", { ...internal, origin: "https://commons.example.org" }).status).toBe(403);
    expect(run("https://commons.example.org", "POST", { ...internal, origin: "https://evil.example" }).status).toBe(
      403,
    );
  });
});
