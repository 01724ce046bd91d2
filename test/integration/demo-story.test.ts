/**
 * The demo tells the year's story: started on a fresh embedded database with the demo, the
 * flagship community has a sorted, dot-voted board, questions with one chosen, written stories and
 * playlist progress (each readable from the stored document and from its projection, as pages read
 * it); schools have different outcomes; and sip1's brokering search finds a same-phase school with
 * its own, real improvement figures.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findMatches } from "../../app/features/brokering/matches.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName, type DocumentKind } from "../../collab/doc-names";
import { listQuestions } from "../../collab/documents/hmw";
import { inquiryFields, inquiryText } from "../../collab/documents/inquiry";
import {
  boardCategories,
  getBoardSettings,
  listNotes,
  noteVotes,
  votesUsed,
} from "../../collab/documents/root-cause-board";
import { openDatabase } from "../../db/client";
import { loadDocumentRows } from "../../db/queries/collab";
import { getProjections } from "../../db/queries/document-projections";
import { listSchoolPriorities } from "../../db/queries/brokering";
import { communities, communityMembers, outcomes, playlistProgress, schools, users } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";

const PASSWORD = "commons-demo-password";

describe("the demo's year", () => {
  let app: RunningCommons;
  let communityId: string;
  const ids: Record<string, string> = {};
  const db = () => app.services.db;

  /** A stored document as the collaboration server would open it: its log applied to a fresh Y.Doc. */
  async function openDoc(kind: DocumentKind, id: string) {
    const { snapshot, updates } = await loadDocumentRows(db(), documentName(kind, id));
    const doc = new Y.Doc();
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
    return doc;
  }

  beforeAll(async () => {
    app = await startTestApp(await openDatabase({ driver: "pglite", dataDir: null }), { SEED_DEMO: "true" });
    const [flagship] = await db().select().from(communities).where(eq(communities.name, "Family partnership"));
    communityId = flagship.id;
    for (const n of [1, 2]) {
      const [u] = await db()
        .select()
        .from(users)
        .where(eq(users.email, `head${n}@demo.test`));
      ids[`head${n}`] = u.id;
    }
  });
  afterAll(() => app?.close());

  it("has a root-cause board sorted into the four categories, by both leaders, with dots within the budget", async () => {
    const doc = await openDoc("root-cause-board", communityId);
    const notes = listNotes(doc);
    expect(notes.length).toBeGreaterThanOrEqual(8);
    for (const category of boardCategories.filter((c) => c !== "unsorted"))
      expect(notes.filter((n) => n.category === category).length).toBeGreaterThanOrEqual(2);
    expect(notes.filter((n) => n.category === "unsorted")).toEqual([]);
    expect(new Set(notes.map((n) => n.authorName))).toEqual(new Set(["Amira Hussain", "Ben Okafor"]));
    const budget = getBoardSettings(doc).voteBudget;
    for (const head of [ids.head1, ids.head2]) {
      expect(votesUsed(doc, head)).toBeGreaterThan(0);
      expect(votesUsed(doc, head)).toBeLessThanOrEqual(budget);
    }
    const dotted = notes.filter((n) => noteVotes(doc, n.id) > 0);
    expect(dotted.length).toBeGreaterThanOrEqual(3);
    // The page reads the same from the projection.
    const projection = (await getProjections(db(), [documentName("root-cause-board", communityId)])).values().next()
      .value!.fields as { notes: Array<{ votes: number }> };
    expect(projection.notes).toHaveLength(notes.length);
    expect(projection.notes.reduce((sum, n) => sum + n.votes, 0)).toBe(
      notes.reduce((sum, n) => sum + noteVotes(doc, n.id), 0),
    );
  });

  it("has several questions with votes and exactly one chosen, shown on the community's home", async () => {
    const questions = listQuestions(await openDoc("hmw", communityId));
    expect(questions.length).toBeGreaterThanOrEqual(3);
    const chosen = questions.filter((q) => q.status === "chosen");
    expect(chosen).toHaveLength(1);
    expect(chosen[0].votes).toBe(2);
    expect(questions.some((q) => q.sourceNoteIds.length > 0)).toBe(true);
    const head1 = new TestClient(app.url);
    expect((await head1.signIn("head1@demo.test", PASSWORD)).status).toBe(302);
    const home = await visible(await head1.request(`/communities/${communityId}`));
    expect(home).toContain(chosen[0].text);
  });

  it("has both leaders' stories and what they needed, written", async () => {
    const doc = await openDoc("inquiry", communityId);
    for (const head of [ids.head1, ids.head2]) {
      expect(inquiryText(doc, inquiryFields.story(head)).length).toBeGreaterThan(400);
      expect(inquiryText(doc, inquiryFields.needed(head)).length).toBeGreaterThan(80);
    }
    expect(inquiryText(doc, inquiryFields.story(ids.head1))).toContain("attendance");
    const [stored] = [...(await getProjections(db(), [documentName("inquiry", communityId)])).values()];
    expect(Object.keys((stored.fields as { sections: Record<string, number> }).sections)).toEqual(
      expect.arrayContaining([inquiryFields.story(ids.head1), inquiryFields.story(ids.head2)]),
    );
  });

  it("has playlist progress from each member, and lighter but not empty other communities", async () => {
    for (const head of [ids.head1, ids.head2]) {
      const done = await db()
        .select()
        .from(playlistProgress)
        .where(and(eq(playlistProgress.playlistId, communityId), eq(playlistProgress.userId, head)));
      expect(done.length).toBeGreaterThanOrEqual(2);
    }
    const others = (await db().select().from(communities)).filter((c) => c.id !== communityId);
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const c of others) {
      expect(listNotes(await openDoc("root-cause-board", c.id)).length).toBeGreaterThan(0);
      expect(listQuestions(await openDoc("hmw", c.id)).length).toBeGreaterThan(0);
      const members = await db().select().from(communityMembers).where(eq(communityMembers.communityId, c.id));
      expect(members.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives schools different, plausible outcomes: attendance 89–96 %, some improving, one flat, one dipping", async () => {
    const rows = await db()
      .select()
      .from(outcomes)
      .where(and(eq(outcomes.measure, "attendance"), eq(outcomes.studentGroup, "all")));
    const withResults = rows.filter((r) => r.actual !== null);
    expect(withResults.length).toBeGreaterThanOrEqual(9);
    for (const r of rows) {
      expect(r.baseline).toBeGreaterThanOrEqual(89);
      expect(r.baseline).toBeLessThanOrEqual(96);
    }
    const changes = withResults.map((r) => Math.round((r.actual! - r.baseline) * 10) / 10);
    expect(new Set(withResults.map((r) => r.actual)).size).toBe(withResults.length);
    expect(changes.filter((c) => c > 0.3).length).toBeGreaterThanOrEqual(5);
    expect(changes.some((c) => Math.abs(c) <= 0.1)).toBe(true);
    expect(changes.some((c) => c < -0.3)).toBe(true);
    const combined = await db().select().from(outcomes).where(eq(outcomes.measure, "rwm"));
    expect(combined.length).toBeGreaterThan(0);
  });

  it("finds sip1 a same-phase school with real Key Stage 2 reading gains for Ashby Vale, never a nursery", async () => {
    const [ashby] = await db().select().from(schools).where(eq(schools.name, "Ashby Vale Primary School"));
    const year = schoolYearOf(new Date());
    const [reading] = await listSchoolPriorities(db(), ashby.id, year);
    expect(reading.title).toContain("Key Stage 2");
    const matches = (await findMatches(db(), {
      authorityId: ashby.authorityId,
      schoolId: ashby.id,
      year,
      priorityId: reading.id,
    }))!;
    expect(matches.length).toBeGreaterThan(0);
    const phases = new Map((await db().select().from(schools)).map((s) => [s.id, s]));
    expect(phases.get(matches[0].partnerSchoolId)!.name).toBe("Kingsmere Park Junior School");
    expect(matches.every((m) => m.phase === "primary")).toBe(true);
    expect(matches[0].improvement).toBe(12.5);
    expect(new Set(matches.map((m) => m.improvement)).size).toBe(matches.length);

    const sip1 = new TestClient(app.url);
    expect((await sip1.signIn("sip1@demo.test", PASSWORD)).status).toBe(302);
    const res = await sip1.request(`/schools/${ashby.id}/brokering`);
    expect(res.status).toBe(200);
    const page = await visible(res);
    expect(page).toContain(
      "A primary school in the local authority: Reading at the expected standard in Key Stage 2 %, Disadvantaged (pupil premium): 54.0% → 66.5% (+12.5 pp)",
    );
    const cards = page.slice(page.indexOf("Schools with evidence of impact"), page.indexOf("Proposed links"));
    expect(cards).not.toContain("A nursery school");
    // Anonymous until its head consents (the demo's consented link, on another priority, names it below).
    expect(cards).not.toContain("Kingsmere Park Junior School");
  });
});
