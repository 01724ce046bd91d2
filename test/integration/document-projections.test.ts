/**
 * Projections of shared documents: the collaboration server writes a document's projection a
 * moment after an edit is saved, pages read the projection, and a document stored before
 * projections existed (or written from outside the server) is replayed once, then read from its
 * projection.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { addQuestion } from "../../collab/documents/hmw";
import { inquiryFields, writeParagraphs } from "../../collab/documents/inquiry";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { createCommunity } from "../../db/queries/communities";
import { getProjections } from "../../db/queries/document-projections";
import { collabUpdates } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { waitFor } from "../support/collab";
import { connectAt, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeCommunityWithPeople, TEST_PASSWORD } from "../support/factories";

const PROJECTION_DELAY_MS = 300;
const words = async (res: Response) => (await visible(res)).replace(/<[^>]+>/g, "");
const story = (text: string) => {
  const doc = new Y.Doc();
  writeParagraphs(doc, inquiryFields.story(ids.ada), [text]);
  return Y.encodeStateAsUpdate(doc);
};
let ids: Record<"ada" | "ben", string>;

describe.each(await testDatabases())("document projections on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeCommunityWithPeople>>;
  let client: TestClient;
  const projection = async (name: string) => (await getProjections(app.services.db, [name])).get(name);

  beforeAll(async () => {
    app = await startTestApp(await database.open(), {}, { projectionDelayMs: PROJECTION_DELAY_MS });
    world = await makeCommunityWithPeople(app.services.db);
    ids = { ada: world.people.ada.id, ben: world.people.ben.id };
    client = new TestClient(app.url);
    expect((await client.signIn(world.people.ada.email, TEST_PASSWORD)).status).toBe(302);
  });
  afterAll(() => app?.close());

  it("writes the projection within the delay after an edit through a socket is saved, and the home page shows it", async () => {
    const name = documentName("hmw", world.community.id);
    const live = connectAt(app.url, name, await signIn(app.url, world.people.ada.email), { saved: true });
    try {
      await waitFor(() => live.provider.synced, "the sync");
      // In Ada's own name, as the page writes it (the server refuses any other name).
      addQuestion(live.doc, {
        text: "How might we reach every family?",
        authorId: ids.ada,
        authorName: world.people.ada.name,
      });
      await waitFor(() => live.fullySaved(), "the question to be saved");
      const savedAt = Date.now();
      await waitFor(async () => (await projection(name))?.fields !== undefined, "the projection row", 5_000);
      expect(Date.now() - savedAt).toBeLessThan(PROJECTION_DELAY_MS + 1_500);
      const row = (await projection(name))!;
      // The page fields, then the words for search (ADR 025).
      expect(row.fields).toEqual({
        questions: 1,
        chosen: null,
        search: [{ id: expect.any(String), text: "How might we reach every family?" }],
        searchText: "How might we reach every family?",
      });
      const [newest] = await app.services.db
        .select({ id: collabUpdates.id })
        .from(collabUpdates)
        .where(eq(collabUpdates.docName, name))
        .orderBy(collabUpdates.id);
      expect(row.throughUpdateId).toBeGreaterThanOrEqual(newest.id);
      expect(await words(await client.request(`/communities/${world.community.id}`))).toContain(
        "1 question drafted, none chosen yet",
      );
    } finally {
      live.provider.destroy();
    }
  });

  it("projects a document stored without a projection once, on the first read, and never replays its log again", async () => {
    const community = await createCommunity(app.services.db, {
      cohortId: world.cohort.id,
      name: "Legacy",
      memberIds: [ids.ada, ids.ben],
    });
    const name = documentName("inquiry", community.id);
    const rowId = await appendDocumentUpdate(app.services.db, name, story("Parents' evening was half empty."));
    expect(await projection(name)).toBeUndefined();

    const url = `/communities/${community.id}`;
    expect(await words(await client.request(url))).toContain("Stories written: 1 of 2");
    expect(await projection(name)).toMatchObject({
      throughUpdateId: rowId,
      fields: { sections: { [inquiryFields.story(ids.ada)]: 32 } },
    });

    // With the log gone, the page still knows the story: it reads the projection, not the log.
    await app.services.db.delete(collabUpdates).where(eq(collabUpdates.docName, name));
    expect(await words(await client.request(url))).toContain("Stories written: 1 of 2");

    // A row written later from outside the server is newer than the projection: replayed once, then projected.
    const blank = new Y.Doc();
    writeParagraphs(blank, inquiryFields.needed(ids.ben), ["Time with families."]);
    const later = await appendDocumentUpdate(app.services.db, name, Y.encodeStateAsUpdate(blank));
    const text = await words(await client.request(url));
    expect(text).toContain("Reflections written: 1 of 2");
    expect(await projection(name)).toMatchObject({ throughUpdateId: later });
  });

  it("the cohort dashboard and the page's projection agree on a document no one has opened", async () => {
    const community = await createCommunity(app.services.db, {
      cohortId: world.cohort.id,
      name: "Untouched",
      memberIds: [ids.ada],
    });
    const fay = new TestClient(app.url);
    expect((await fay.signIn(world.people.fay.email, TEST_PASSWORD)).status).toBe(302);
    expect(await visible(await fay.request(`/cohorts/${world.cohort.id}`))).toMatch(
      /Untouched<\/a>[^]{0,200}?Not started/,
    );
    expect((await projection(documentName("root-cause-board", community.id)))?.fields).toEqual({
      notes: [],
      search: [],
      searchText: "",
    });
  });
});
