/**
 * Search shows each person only what they may open (issue #13). On the demo network, distinctive
 * words are planted in records with different readers (school 6's plan, a draft report, report
 * sections for governors or for the head, a visit record, a community's board note, a cohort
 * session, a school); every demo role runs the same queries; each finds exactly the planted words
 * it may read, and every result it gets opens (GET with that person's cookie answers 200).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { searchFor } from "../../app/features/search/service.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { addNote } from "../../collab/documents/root-cause-board";
import { appendDocumentUpdate, loadDocumentRows } from "../../db/queries/collab";
import { getGrants } from "../../db/queries/users";
import {
  cohortSessions,
  communities,
  improvementPlans,
  planPriorities,
  reportSections,
  roleGrants,
  sipAssignments,
  sipReports,
  users,
  visitRecords,
} from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";

const PASSWORD = "commons-demo-password";
const people = ["admin", "facilitator1", "sip1", "sip2", "head1", "head2", "head6", "governor1"] as const;
type Person = (typeof people)[number];

/** Each planted word, and who may open the record it is in (everyone else must find nothing). */
const planted: Record<string, readonly Person[]> = {
  zanzibarite: ["admin", "sip2", "head6"], // a priority of school 6's plan
  quixotical: ["admin", "sip1"], // a section of the draft report on school 2
  glockenspiel: ["admin", "sip1", "governor1"], // a governors-only section of school 1's shared report
  harpsichord: ["admin", "sip1", "head1"], // a head-only section of school 1's shared report
  vorticity: ["admin", "sip1", "head1"], // a visit record of school 1
  xylophonic: ["head1", "head2", "facilitator1", "sip1"], // a note on the Family partnership board
  kaleidoscope: ["head1", "head2", "head6", "facilitator1"], // a session of the cohort
};

/** Records the per-row check's warnings: the SQL filter must already have left out every row it would drop. */
const warnings: unknown[] = [];
const logger = {
  debug() {},
  info() {},
  error() {},
  warn: (msg: string, fields?: unknown) => void warnings.push({ msg, fields }),
};

describe.each(await testDatabases())("search on $name", (database) => {
  let app: RunningCommons;
  const ids = {} as Record<Person, string>;
  const clients = new Map<Person, TestClient>();
  const db = () => app.services.db;
  const year = schoolYearOf(new Date());

  const schoolOf = async (person: Person) => {
    const [grant] = await db()
      .select({ schoolId: roleGrants.schoolId })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, ids[person]), eq(roleGrants.role, "school_leader")));
    return grant.schoolId!;
  };
  const reportOf = async (schoolId: string, status: "draft" | "shared") => {
    const [report] = await db()
      .select({ id: sipReports.id })
      .from(sipReports)
      .innerJoin(sipAssignments, eq(sipAssignments.id, sipReports.assignmentId))
      .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipReports.status, status)));
    return report.id;
  };
  const section = (reportId: string, body: string, audiences: ("head" | "governors" | "authority")[]) =>
    db()
      .insert(reportSections)
      .values({ reportId, kind: "other", heading: "Further notes", body, audiences, position: 99 });

  beforeAll(async () => {
    app = await startTestApp(await database.open(), { SEED_DEMO: "true" });
    for (const person of people) {
      const [u] = await db()
        .select()
        .from(users)
        .where(eq(users.email, `${person}@demo.test`));
      ids[person] = u.id;
      const client = new TestClient(app.url);
      expect((await client.signIn(`${person}@demo.test`, PASSWORD)).status).toBe(302);
      clients.set(person, client);
    }
    const [school1, school2, school6] = await Promise.all([schoolOf("head1"), schoolOf("head2"), schoolOf("head6")]);
    const [plan6] = await db()
      .select()
      .from(improvementPlans)
      .where(and(eq(improvementPlans.schoolId, school6), eq(improvementPlans.schoolYear, year)));
    await db()
      .insert(planPriorities)
      .values({ planId: plan6.id, title: "Zanzibarite reading scheme", area: "quality_of_education" });
    await section(await reportOf(school2, "draft"), "Quixotical working notes.", ["head", "governors", "authority"]);
    const shared1 = await reportOf(school1, "shared");
    await section(shared1, "Glockenspiel advice on the head's objectives.", ["governors"]);
    await section(shared1, "Harpsichord staffing note, in confidence.", ["head"]);
    const [assignment1] = await db()
      .select()
      .from(sipAssignments)
      .where(and(eq(sipAssignments.schoolId, school1), eq(sipAssignments.schoolYear, year)));
    await db()
      .insert(visitRecords)
      .values({
        assignmentId: assignment1.id,
        visitDate: new Date().toISOString().slice(0, 10),
        agreedActions: "Vorticity of the attendance meetings to be reviewed.",
      });
    // The board note goes into the stored log only: search must bring the board's projection up to date itself.
    const [family] = await db().select().from(communities).where(eq(communities.name, "Family partnership"));
    const board = documentName("root-cause-board", family.id);
    const stored = await loadDocumentRows(db(), board);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    const before = Y.encodeStateVector(doc);
    addNote(doc, { text: "Xylophonic letters home nobody reads", authorId: ids.head1, authorName: "Head One" });
    await appendDocumentUpdate(db(), board, Y.encodeStateAsUpdate(doc, before));
    await db()
      .insert(cohortSessions)
      .values({ cohortId: family.cohortId, title: "Kaleidoscope workshop", startsAt: new Date() });
  }, 120_000);
  afterAll(() => app?.close());
  afterEach(() => expect(warnings.splice(0)).toEqual([]));

  const search = async (person: Person, q: string, options: { kind?: null; schoolYear?: string | null } = {}) =>
    searchFor(
      { db: db(), logger },
      { userId: ids[person], grants: await getGrants(db(), ids[person]) },
      {
        q,
        kind: options.kind ?? null,
        schoolYear: options.schoolYear ?? null,
      },
    );
  const words = (groups: Awaited<ReturnType<typeof search>>) =>
    (groups ?? []).flatMap((g) =>
      g.results.map((r) => `${r.title} ${r.snippet.map((s) => s.text).join("")}`.toLowerCase()),
    );

  it.each(Object.entries(planted))("“%s” is found by exactly those who may open it", async (word, readers) => {
    for (const person of people) {
      const groups = await search(person, word);
      const found = words(groups).filter((w) => w.includes(word));
      expect({ person, found: found.length > 0 }).toEqual({ person, found: readers.includes(person) });
      // Nothing counts what the person may not open: no group at all when nothing is theirs.
      if (!readers.includes(person)) expect(groups).toEqual([]);
    }
  });

  it("every result links to a page the person may open", async () => {
    for (const person of people) {
      const hrefs = new Set<string>();
      for (const q of [...Object.keys(planted), "attendance", "families", "reading", "Hollybank"])
        for (const group of (await search(person, q)) ?? [])
          for (const r of group.results) hrefs.add(r.href.split("#")[0]);
      expect(hrefs.size, person).toBeGreaterThan(0);
      for (const href of hrefs) {
        const res = await clients.get(person)!.request(href);
        expect({ person, href, status: res.status }).toEqual({ person, href, status: 200 });
      }
    }
  }, 120_000);

  it("marks the words, opens the board at the note, and counts per kind", async () => {
    const [group] = (await search("head2", "xylophonic"))!;
    expect(group.kind).toBe("inquiry");
    expect(group.total).toBe(1);
    const [result] = group.results;
    expect(result.href).toMatch(/^\/communities\/[0-9a-f-]{36}\/board\?note=/);
    expect(result.snippet.filter((s) => s.marked).map((s) => s.text)).toEqual(["Xylophonic"]);
  });

  it("schools and people are for admins", async () => {
    const admin = await search("admin", "Hollybank");
    expect(admin?.find((g) => g.kind === "school")?.results[0].href).toMatch(/^\/schools\//);
    expect((await search("admin", "governor1@demo.test"))?.find((g) => g.kind === "person")?.total).toBe(1);
    for (const person of people.filter((p) => p !== "admin")) {
      const groups = (await search(person, "Hollybank")) ?? [];
      expect(groups.filter((g) => g.kind === "school" || g.kind === "person")).toEqual([]);
    }
  });

  it("filters by school year, and an empty query searches nothing", async () => {
    expect(words(await search("head6", "zanzibarite", { schoolYear: year })).length).toBe(1);
    expect(await search("head6", "zanzibarite", { schoolYear: "2001-02" })).toEqual([]);
    expect(await search("head6", "   ")).toBeNull();
    // Stop words alone find nothing; search syntax and stray symbols are words, never an error.
    expect(await search("head1", "the")).toEqual([]);
    expect(await search("head1", `"letters home" -calls & | ! :* ( ' ;`)).toEqual(expect.any(Array));
  });

  it("the search page shows results to readers and nothing to others", async () => {
    const page = await visible(await clients.get("head1")!.request("/search?q=xylophonic"));
    expect(page).toContain("<mark");
    expect(page).toContain("Family partnership");
    const outsider = await visible(await clients.get("head6")!.request("/search?q=xylophonic"));
    expect(outsider).toContain("Nothing found");
    expect(outsider).not.toContain("Family partnership");
    expect(outsider).not.toContain("letters home");
  });
});
