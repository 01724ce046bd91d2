import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { addQuestion, chooseQuestion } from "../../collab/documents/hmw";
import { inquiryFields, writeParagraphs } from "../../collab/documents/inquiry";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { peerPairs } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeCommunityWithPeople, makeUser, TEST_PASSWORD } from "../support/factories";

const words = async (res: Response) => (await visible(res)).replace(/<[^>]+>/g, "");

describe.each(await testDatabases())("a community's home on $name", (database) => {
  let app: RunningCommons;
  let url: string;
  let action: string;
  let communityId: string;
  let ids: Record<"ada" | "ben", string>;
  const c: Record<"ada" | "ben" | "fay" | "sam" | "otto", TestClient> = {} as never;
  const pairs = () => app.services.db.select().from(peerPairs).where(eq(peerPairs.communityId, communityId));

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const made = await makeCommunityWithPeople(db);
    communityId = made.community.id;
    ids = { ada: made.people.ada.id, ben: made.people.ben.id };
    url = `/communities/${communityId}`;
    // The community home is an index route under the community layout: its action is `?index`.
    action = `${url}?index`;
    const outside = await makeAuthority(db, 1);
    const otto = await makeUser(db, outside.authority.id, [{ role: "school_leader", schoolId: outside.schools[0].id }]);
    for (const [key, user] of Object.entries({ ...made.people, otto })) {
      c[key as keyof typeof c] = new TestClient(app.url);
      expect((await c[key as keyof typeof c].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
  });
  afterAll(() => app?.close());

  it("is a 404 outside the community; the SIP may read it but not set pairs", async () => {
    expect((await c.otto.request(url)).status).toBe(404);
    expect((await c.otto.post(action, { intent: "pair", userId: ids.ada, partnerId: ids.ben })).status).toBe(404);
    expect((await c.sam.request(url)).status).toBe(200);
    expect((await c.sam.post(action, { intent: "pair", userId: ids.ada, partnerId: ids.ben })).status).toBe(403);
  });

  it("before anything is written, says so and what to do next", async () => {
    const text = await words(await c.ada.request(url));
    expect(text).toContain("No inquiry question yet");
    expect(text).toContain("Stories written: 0 of 2");
    expect(text).toContain("No pairs yet");
    expect(text).toContain("You have no peer-check partner yet");
  });

  it("shows the members with their schools, the chosen question and the steps' progress from the saved documents", async () => {
    const inquiry = new Y.Doc();
    writeParagraphs(inquiry, inquiryFields.story(ids.ben), ["Our breakfast club missed the children who arrive late."]);
    await appendDocumentUpdate(app.services.db, documentName("inquiry", communityId), Y.encodeStateAsUpdate(inquiry));
    const hmw = new Y.Doc();
    addQuestion(hmw, {
      text: "How might we share the school calendar with families?",
      authorId: ids.ada,
      authorName: "Ada",
    });
    chooseQuestion(
      hmw,
      addQuestion(hmw, { text: "How might we meet families where they are?", authorId: ids.ben, authorName: "Ben" }),
    );
    await appendDocumentUpdate(app.services.db, documentName("hmw", communityId), Y.encodeStateAsUpdate(hmw));

    const text = await words(await c.sam.request(url));
    expect(text).toContain("Our inquiry question: How might we meet families where they are?");
    expect(text).toContain("Stories written: 1 of 2");
    expect(text).toContain("2 questions drafted, one chosen");
    expect(text).toMatch(/Ada Member · Test School 1/);
    expect(text).toContain("Facilitated by Fay Facilitator");
  });

  it("a member may not set pairs (403); the facilitator's form is checked on the server", async () => {
    expect((await c.ada.post(action, { intent: "pair", userId: ids.ada, partnerId: ids.ben })).status).toBe(403);
    const same = await c.fay.post(action, { intent: "pair", userId: ids.ada, partnerId: ids.ada });
    expect(same.status).toBe(400);
    expect(await words(same)).toContain("Choose two different members");
    const stranger = await c.fay.post(action, {
      intent: "pair",
      userId: ids.ada,
      partnerId: "00000000-0000-4000-8000-000000000000",
    });
    expect(stranger.status).toBe(400);
    expect(await words(stranger)).toContain("Choose a member of this community");
    expect(await pairs()).toHaveLength(0);
  });

  it("the facilitator pairs two members both ways, each sees their partner, and the pair can be ended", async () => {
    expect((await c.fay.post(action, { intent: "pair", userId: ids.ada, partnerId: ids.ben })).status).toBe(200);
    expect((await pairs()).map((p) => [p.userId, p.partnerId]).sort()).toEqual(
      [
        [ids.ada, ids.ben],
        [ids.ben, ids.ada],
      ].sort(),
    );
    expect(await words(await c.ada.request(url))).toContain("Your peer-check partner is Ben Member.");
    expect(await words(await c.ben.request(url))).toContain("Your peer-check partner is Ada Member.");
    expect(await words(await c.ada.request(url))).toContain("1 pair set, 0 with notes");
    expect((await c.fay.post(action, { intent: "unpair", userId: ids.ben })).status).toBe(302);
    expect(await pairs()).toHaveLength(0);
  });
});
