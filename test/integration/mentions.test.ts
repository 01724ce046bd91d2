/**
 * @mentions through the real collaboration server, with stock y-websocket clients and real cookies:
 * a mention A writes of B becomes exactly one notification for B linking to the place; a mention of
 * someone who cannot open the document, or of oneself, tells nobody; nothing is told twice.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { inquiryFields } from "../../collab/documents/inquiry";
import { SESSION_NOTES_FIELD } from "../../collab/documents/session-notes";
import { createSession } from "../../db/queries/sessions";
import { notifications } from "../../db/schema/index";
import { writeMention } from "../../collab/mentions-fixture";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import { connectAt, makeCommunity, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(await testDatabases())("mentions on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  const cookies = { a: "", b: "" };

  beforeAll(async () => {
    // Mentions are checked on the projection's schedule: short here, so the test waits little.
    app = await startTestApp(await database.open(), {}, { projectionDelayMs: 50 });
    fx = await makeCommunity(app.services.db);
    cookies.a = await signIn(app.url, fx.users.a.email);
    cookies.b = await signIn(app.url, fx.users.b.email);
  });
  afterAll(() => app?.close());

  const notificationsOf = (userIds: string[]) =>
    app.services.db.select().from(notifications).where(inArray(notifications.userId, userIds));

  /** Writes through a y-websocket client signed in as `cookie`, and waits until the server has saved it. */
  async function write(cookie: string, edit: (doc: Y.Doc) => void, docName = fx.docName) {
    const client = connectAt(app.url, docName, cookie, { saved: true });
    try {
      await waitFor(() => client.provider.synced, "the client to sync");
      edit(client.doc);
      await waitFor(() => client.fullySaved(), "the edit to be saved");
    } finally {
      client.provider.destroy();
    }
  }

  it("tells B once, linking to the mention in A's story; tells neither a non-member nor the writer", async () => {
    const { a, b, outsider } = fx.users;
    const story = fx.storyOf(a.id); // A writes in her own story: hers to write
    const toBen = randomUUID();
    await write(cookies.a, (doc) => {
      writeMention(doc, story, b.id, toBen);
      writeMention(doc, story, outsider.id, randomUUID());
      writeMention(doc, story, a.id, randomUUID());
    });
    await waitFor(async () => (await notificationsOf([b.id])).length > 0, "B's notification");
    await sleep(300);
    const [told, ...more] = await notificationsOf([b.id, outsider.id, a.id]);
    expect(more).toEqual([]);
    expect(told).toMatchObject({
      userId: b.id,
      title: "Ada Member mentioned you in the Community inquiry",
      body: "In Ada Member's story.",
      link: `/communities/${fx.community.id}/inquiry?mention=${toBen}#story-${a.id}`,
      readAt: null,
    });

    // More saves and the same mention pasted again by A (a new client): still one.
    await write(cookies.a, (doc) => {
      writeMention(doc, inquiryFields.needed(a.id), b.id, toBen);
      doc.getXmlFragment(story).push([new Y.XmlElement("paragraph")]);
    });
    await sleep(400);
    expect(await notificationsOf([b.id])).toHaveLength(1);
  });

  it("credits the mention to the connection that wrote it, whatever the client claims", async () => {
    const { a, b } = fx.users;
    const mentionId = randomUUID();
    // B's client writes a mention of A into B's own notes under a made-up "writer" label.
    await write(cookies.b, (doc) => {
      const m = writeMention(doc, inquiryFields.needed(b.id), a.id, mentionId);
      m.setAttribute("label", "Ada Member");
    });
    await waitFor(async () => (await notificationsOf([a.id])).length > 0, "A's notification");
    const [told] = await app.services.db.select().from(notifications).where(eq(notifications.userId, a.id));
    expect(told.title).toBe("Ben Member mentioned you in the Community inquiry");
    expect(told.link).toBe(`/communities/${fx.community.id}/inquiry?mention=${mentionId}#needed-${b.id}`);
  });

  it("in session notes, tells the cohort's leaders but not a SIP, who has no part in the cohort's sessions", async () => {
    const { outsider, sip } = fx.users;
    const session = await createSession(app.services.db, fx.cohort.id, {
      title: "October session",
      startsAt: new Date(Date.now() + 86_400_000),
      durationMinutes: 90,
      place: "",
      agenda: [],
    });
    const toOtto = randomUUID();
    await write(
      cookies.a,
      (doc) => {
        writeMention(doc, SESSION_NOTES_FIELD, outsider.id, toOtto);
        writeMention(doc, SESSION_NOTES_FIELD, sip.id, randomUUID());
      },
      documentName("session-notes", session.id),
    );
    await waitFor(async () => (await notificationsOf([outsider.id])).length > 0, "Otto's notification");
    await sleep(300);
    const told = await notificationsOf([outsider.id, sip.id]);
    expect(told.map((n) => [n.userId, n.title, n.link])).toEqual([
      [
        outsider.id,
        "Ada Member mentioned you in the notes of “October session”",
        `/cohorts/${fx.cohort.id}/sessions/${session.id}?mention=${toOtto}#notes-heading`,
      ],
    ]);
  });
});
