import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningCommons } from "../../server/start";
import { testDatabases } from "../support/databases";
import { startTestApp } from "../support/app";

/** Sends a WebSocket upgrade request and reports whether it was upgraded or answered. */
function tryUpgrade(url: string) {
  return new Promise<{ upgraded: boolean; status?: number; body: string }>((resolve, reject) => {
    const req = request(url, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Key": Buffer.from("0123456789abcdef").toString("base64"),
        "Sec-WebSocket-Version": "13",
      },
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve({ upgraded: true, body: "" });
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ upgraded: false, status: res.statusCode, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(await testDatabases())("/healthz and upgrades on $name", (database) => {
  let app: RunningCommons;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
  });
  afterAll(() => app?.close());

  it("answers 200 JSON with the database status and driver", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok", driver: database.name } });
    expect(typeof body.database.latencyMs).toBe("number");
  });

  it("answers 503 'unavailable' once the database is gone", async () => {
    const broken = await startTestApp(await database.open());
    try {
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(200);
      await broken.database.close();
      const res = await fetch(`${broken.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: "unavailable",
        database: { status: "unreachable", driver: database.name },
      });
    } finally {
      await broken.close();
    }
  });

  it("answers a WebSocket upgrade with a real HTTP 404 and does not upgrade", async () => {
    for (const path of ["/", "/dashboard"]) {
      const result = await tryUpgrade(`${app.url}${path}`);
      expect(result.upgraded, path).toBe(false);
      expect(result.status, path).toBe(404);
      expect(result.body).toContain("There is no live connection at this address.");
    }
    // The server is still fine afterwards.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
