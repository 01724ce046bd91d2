/**
 * Link previews: the SSRF guard refuses every address that is not public (with a reason), follows
 * redirects by hand and re-checks each, stops slow, huge and non-HTML answers; and the database
 * cache means a second request does not fetch again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowHosts } from "../../app/features/link-previews/address-check";
import { fetchPublicPage, FetchRefused } from "../../app/features/link-previews/safe-fetch.server";
import { cachedPreviews, ensurePreviews, type PreviewDeps } from "../../app/features/link-previews/service.server";
import type { PlaylistTarget } from "../../app/features/playlists/page-data.server";
import { playlistPreviews } from "../../app/features/playlists/service.server";
import { createLogger } from "../../app/utils/logger.server";
import * as Y from "yjs";
import { randomUUID } from "node:crypto";
import { documentName } from "../../collab/doc-names";
import { addItem } from "../../collab/documents/playlist";
import { createDatabaseStore } from "../../collab/store";
import type { DatabaseHandle } from "../../db/client";
import { testDatabases } from "../support/databases";
import { fixturePage, startLinkFixtureServer, type LinkFixtureServer } from "../support/link-fixture-server";

let site: LinkFixtureServer;
beforeAll(async () => {
  site = await startLinkFixtureServer();
});
afterAll(() => site.close());

const allowed = () => ({ allowHosts: parseAllowHosts(site.hostPort) });
/** The reason the guard gives for refusing this address. */
const refusal = async (url: string, options = { allowHosts: [] as ReturnType<typeof parseAllowHosts> }) => {
  const error = await fetchPublicPage(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return (error as FetchRefused).message;
};

describe("the SSRF guard", () => {
  it("fetches the allow-listed fixture page (also compressed)", async () => {
    const page = await fetchPublicPage(`${site.origin}/page`, allowed());
    expect(page.html).toContain(`content="${fixturePage.title}"`);
    expect((await fetchPublicPage(`${site.origin}/gzip`, allowed())).html).toContain("Compressed page");
  });

  it.each([
    ["http://127.0.0.1/", /loopback/],
    ["http://10.1.2.3/", /private network/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://[::1]/", /loopback/],
    ["http://[::ffff:127.0.0.1]/", /IPv4-mapped/],
    ["http://[fd12::1]/", /unique-local/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://localhost/", /loopback/],
  ])("refuses %s with a reason", async (url, reason) => {
    expect(await refusal(url)).toMatch(reason);
  });

  it("refuses the fixture server itself when it is not on the allow-list, and other schemes and ports", async () => {
    expect(await refusal(`${site.origin}/page`)).toMatch(/usual web ports/);
    expect(await refusal("ftp://example.org/file")).toMatch(/only http and https/);
    expect(await refusal("http://user:secret@example.org/")).toMatch(/user name or password/);
  });

  it("re-checks every redirect: an allowed host cannot send the fetch to a private address", async () => {
    expect(await refusal(`${site.origin}/to-private`, allowed())).toMatch(/private network address: 10\.0\.0\.7/);
    expect(await refusal(`${site.origin}/to-metadata`, allowed())).toMatch(/link-local/);
    expect(await refusal(`${site.origin}/to-localhost`, allowed())).toMatch(/loopback/);
  });

  it("follows at most 3 redirects", async () => {
    expect((await fetchPublicPage(`${site.origin}/hops?n=2`, allowed())).url).toBe(`${site.origin}/page`);
    expect(await refusal(`${site.origin}/hops?n=3`, allowed())).toMatch(/more than 3 redirects/);
  });

  it("gives up on a page still arriving after 5 seconds", async () => {
    const started = Date.now();
    expect(await refusal(`${site.origin}/slow`, allowed())).toMatch(/longer than 5 seconds/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(Date.now() - started).toBeLessThan(6_500);
  });

  it("stops a body over 1 MB and refuses what is not HTML", async () => {
    expect(await refusal(`${site.origin}/huge`, allowed())).toMatch(/larger than 1 MB/);
    expect(await refusal(`${site.origin}/report.pdf`, allowed())).toMatch(/not a web page \(application\/pdf\)/);
  });
});

describe.each(await testDatabases())("the preview cache on $name", (database) => {
  let handle: DatabaseHandle;
  let clock = new Date("2026-12-01T09:00:00Z");
  const deps = (): PreviewDeps => ({
    db: handle.db,
    logger: createLogger("silent"),
    allowHosts: parseAllowHosts(site.hostPort),
    now: () => clock,
  });
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  it("fetches a page's preview once, then serves it from the database", async () => {
    const url = `${site.origin}/cached-${database.name}#section`;
    const first = await ensurePreviews(deps(), [url], { waitMs: 5_000 });
    const key = `${site.origin}/cached-${database.name}`;
    expect(first[key]).toMatchObject({
      status: "ok",
      title: fixturePage.title,
      description: fixturePage.description,
      siteName: fixturePage.siteName,
      imageUrl: `${site.origin}/image.svg`,
    });
    const again = await ensurePreviews(deps(), [url, key], { waitMs: 5_000 });
    expect(again[key]).toEqual(first[key]);
    expect(site.hits.get(`/cached-${database.name}`)).toBe(1);
    expect(await cachedPreviews(handle.db, [url])).toEqual({ [key]: first[key] });
    // A week later it is fetched again.
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    await ensurePreviews(deps(), [url], { waitMs: 5_000 });
    expect(site.hits.get(`/cached-${database.name}`)).toBe(2);
  });

  it("keeps a failure with its reason, and tries again only after an hour", async () => {
    const url = `${site.origin}/to-private?db=${database.name}`;
    const first = await ensurePreviews(deps(), [url], { waitMs: 5_000 });
    expect(first[url]).toMatchObject({ status: "failed", reason: expect.stringMatching(/private network/) });
    const before = site.hits.get("/to-private");
    await ensurePreviews(deps(), [url], { waitMs: 5_000 });
    expect(site.hits.get("/to-private")).toBe(before);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await ensurePreviews(deps(), [url], { waitMs: 5_000 });
    expect(site.hits.get("/to-private")).toBe(before! + 1);
  });

  it("fetches for a reader only the playlist's saved addresses; a curator may ask for the one being added", async () => {
    const playlistId = randomUUID();
    const saved = `${site.origin}/saved-${database.name}`;
    const doc = new Y.Doc();
    addItem(doc, { title: "Saved resource", url: saved, type: "tool", minutes: 5, why: "", addedBy: "Fay" });
    await createDatabaseStore(handle.db).append(documentName("playlist", playlistId), Y.encodeStateAsUpdate(doc));
    // The rules see a reader (no write, not a member) and a curator (the document's writer).
    const target = (access: "read" | "write") =>
      ({
        playlistId,
        cohortId: playlistId,
        docName: documentName("playlist", playlistId),
        actor: { userId: "someone", grants: [], user: { name: "Someone" } },
        scope: { memberIds: [], facilitatorIds: [] },
        access,
        leaders: [],
      }) as unknown as PlaylistTarget;
    const other = `${site.origin}/not-in-the-playlist-${database.name}`;
    const asReader = await playlistPreviews(deps(), target("read"), [saved, other, "javascript:alert(1)"]);
    expect(Object.keys(asReader.previews)).toEqual([saved]);
    expect(asReader.previews[saved]).toMatchObject({ status: "ok", title: fixturePage.title });
    expect(asReader.waiting).toEqual([other]);
    expect(site.hits.get(`/not-in-the-playlist-${database.name}`)).toBeUndefined();
    const asCurator = await playlistPreviews(deps(), target("write"), [other]);
    expect(asCurator.previews[other]).toMatchObject({ status: "ok" });
    expect(site.hits.get(`/not-in-the-playlist-${database.name}`)).toBe(1);
  });

  it("never fetches anything that is not a web address", async () => {
    expect(await ensurePreviews(deps(), ["javascript:alert(1)", "not a url"], { waitMs: 1_000 })).toEqual({});
  });
});
