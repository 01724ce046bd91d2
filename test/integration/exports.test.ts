import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { addQuestion, chooseQuestion, initHmw } from "../../collab/documents/hmw";
import { initInquiry, inquiryFields, writeParagraphs } from "../../collab/documents/inquiry";
import { addNote, initBoard, vote } from "../../collab/documents/root-cause-board";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { createPlan, setPlanLinks } from "../../db/queries/plan-links";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeCommunityWithPeople, makeUser, TEST_PASSWORD } from "../support/factories";
import { pdfText } from "../support/pdf-text";
import { chromiumAvailable } from "../support/services";

const STORY = "Eleven families accounted for over half of the missed sessions & <nobody> asked *why*.";
const LATER = "A second paragraph, typed after the first save.";
const NEEDED = "I needed time with families outside the school day.";
const PEER = "Assumption we checked: families who stay away are not interested.";
const NOTE = "Trip deposits are due in one payment.";
const QUESTION = "How might we signal to families that we are on their side?";
const PRIORITY = "Build stronger partnerships with families";
const OTHER_PAIR = "Notes of a pair Ada is not in.";

/** Stores a document the way the collaboration server does: updates appended to its log, read back in order. */
async function store(app: RunningCommons, name: string, ...writes: Array<(doc: Y.Doc) => void>) {
  const doc = new Y.Doc();
  for (const write of writes) {
    const before = Y.encodeStateVector(doc);
    write(doc);
    await appendDocumentUpdate(app.services.db, name, Y.encodeStateAsUpdate(doc, before));
  }
  doc.destroy();
}

describe.each(await testDatabases())("exports of an inquiry, a board and a plan on $name", (database) => {
  let app: RunningCommons;
  let communityId: string;
  let schoolId: string;
  const c: Record<"ada" | "ben" | "fay" | "sam" | "otto" | "gwen" | "ann" | "nobody", TestClient> = {} as never;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const made = await makeCommunityWithPeople(db);
    const { ada, ben } = made.people;
    communityId = made.community.id;
    schoolId = made.schools[0].id;
    await store(
      app,
      documentName("inquiry", communityId),
      (doc) => {
        initInquiry(doc);
        writeParagraphs(doc, inquiryFields.story(ada.id), [STORY]);
        writeParagraphs(doc, inquiryFields.needed(ben.id), [NEEDED]);
        writeParagraphs(doc, inquiryFields.peerCheck(ada.id, ben.id), [PEER]);
        writeParagraphs(doc, inquiryFields.peerCheck(ben.id, "00000000-0000-4000-8000-000000000000"), [OTHER_PAIR]);
      },
      (doc) => writeParagraphs(doc, inquiryFields.story(ada.id), [LATER]),
    );
    await store(app, documentName("root-cause-board", communityId), (doc) => {
      initBoard(doc);
      const id = addNote(doc, { text: NOTE, authorId: ada.id, authorName: ada.name, category: "systems-policies" });
      vote(doc, id, ben.id);
    });
    await store(app, documentName("hmw", communityId), (doc) => {
      initHmw(doc);
      chooseQuestion(doc, addQuestion(doc, { text: QUESTION, authorId: ben.id, authorName: ben.name }));
    });
    const { plan, priorities } = await createPlan(db, {
      schoolId,
      schoolYear: schoolYearOf(new Date()),
      priorities: [{ title: PRIORITY, area: "leadership_and_management" }],
    });
    await setPlanLinks(db, { communityId, planId: plan.id, priorityIds: [priorities[0].id], userId: ada.id });
    const outside = await makeAuthority(db, 1);
    const otto = await makeUser(db, outside.authority.id, [{ role: "school_leader", schoolId: outside.schools[0].id }]);
    const gwen = await makeUser(db, made.authority.id, [{ role: "governor", schoolId }]);
    const ann = await makeUser(db, made.authority.id, [{ role: "authority_admin" }]);
    const people = { ...made.people, otto, gwen, ann };
    for (const [key, user] of Object.entries(people)) {
      c[key as keyof typeof c] = new TestClient(app.url);
      expect((await c[key as keyof typeof c].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
    c.nobody = new TestClient(app.url);
  });
  afterAll(async () => {
    await closePdfBrowser();
    await app?.close();
  });

  const inquiry = (suffix = "") => `/communities/${communityId}/inquiry${suffix}`;
  const board = (suffix = "") => `/communities/${communityId}/board${suffix}`;
  const plan = (suffix = "") => `/schools/${schoolId}/plan${suffix}`;

  it("gives a member the inquiry as Markdown with every step's words, as a download nobody caches", async () => {
    const res = await c.ada.request(inquiry("/export.md"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="riverside-inquiry-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const md = await res.text();
    for (const words of [
      String.raw`Eleven families accounted for over half of the missed sessions \& \<nobody\> asked \*why\*.`,
      LATER,
      NEEDED,
      PEER,
      `${NOTE} (Ada Member; 1 dot)`,
      `**Our inquiry question:** ${QUESTION}`,
      `: ${PRIORITY}`,
    ])
      expect(md).toContain(words);
  });

  it("shows linked priorities' titles only to people who may read that school's plan", async () => {
    // Ben leads the other school: he learns that Ada's school linked one priority, not which.
    const ben = await (await c.ben.request(inquiry("/export.md"))).text();
    expect(ben).not.toContain(PRIORITY);
    expect(ben).toContain("linked to 1 priority");
    // Sam is the SIP of Ada's school: he reads the inquiry (read-only) and the plan.
    const sam = await c.sam.request(inquiry("/export.md"));
    expect(sam.status).toBe(200);
    expect(await sam.text()).toContain(PRIORITY);
  });

  it("gives a member only their own pairs' peer-check notes, as the page does; a facilitator every pair's", async () => {
    expect(await (await c.ada.request(inquiry("/export.md"))).text()).not.toContain(OTHER_PAIR);
    expect(await (await c.ben.request(inquiry("/export.md"))).text()).toContain(OTHER_PAIR);
    expect(await (await c.fay.request(inquiry("/export.md"))).text()).toContain(OTHER_PAIR);
  });

  it("answers everyone else exactly as the page does", async () => {
    for (const client of [c.otto, c.gwen, c.nobody, c.fay]) {
      const page = await client.request(inquiry());
      for (const path of [inquiry("/export.md"), inquiry("/export.pdf")]) {
        const res = await client.request(path);
        expect(res.status, path).toBe(page.status);
        if (page.status === 302) expect(res.headers.get("Location")).toContain("/login");
      }
      const boardPage = await client.request(board());
      for (const path of [board("/export.svg"), board("/export.png")])
        expect((await client.request(path)).status, path).toBe(boardPage.status);
    }
    expect((await c.otto.request(inquiry("/export.md"))).status).toBe(404);
    expect((await c.fay.request(inquiry("/export.md"))).status).toBe(200);
  });

  it("gives a member the board as an SVG with its notes and dots", async () => {
    const res = await c.ben.request(board("/export.svg"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="riverside-board-[\d-]+\.svg"/);
    const svg = await res.text();
    expect(svg).toContain(">Systems and policies</text>");
    expect(svg).toContain(">Trip deposits are due in one</text>");
    expect(svg).toContain(">1 dot</text>");
  });

  it.runIf(chromiumAvailable())("renders the inquiry PDF and the board PNG with the shared Chromium", async () => {
    const pdf = await c.ada.request(inquiry("/export.pdf"));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, " ");
    for (const words of [LATER, NEEDED, PEER, QUESTION, PRIORITY]) expect(text).toContain(words);
    // The chosen question's label is set in capitals by the stylesheet.
    expect(text).toContain("OUR INQUIRY QUESTION (CHOSEN)");
    const png = await c.ada.request(board("/export.png"));
    expect(png.status).toBe(200);
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("follows the plan page's rules for the plan PDF: leaders, the SIP and admins; governors told in words; others 404", async () => {
    for (const [name, client] of Object.entries(c)) {
      const page = await client.request(plan());
      const res = await client.request(plan("/export.pdf"));
      // Without Chromium the allowed ones get 503 (no engine), never a looser answer than the page's.
      const allowed = page.status === 200 ? (chromiumAvailable() ? 200 : 503) : page.status;
      expect(res.status, name).toBe(allowed);
    }
    const allowed = chromiumAvailable() ? 200 : 503;
    for (const client of [c.ada, c.sam, c.ann])
      expect((await client.request(plan("/export.pdf"))).status).toBe(allowed);
    expect((await c.gwen.request(plan("/export.pdf"))).status).toBe(403);
    expect((await c.otto.request(plan("/export.pdf"))).status).toBe(404);
    expect((await c.ben.request(plan("/export.pdf"))).status).toBe(404);
  });

  it.runIf(chromiumAvailable())("gives the school's leader the plan as a PDF with its priorities", async () => {
    const res = await c.ada.request(plan("/export.pdf"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/filename=".+-plan-\d{4}-\d{2}-[\d-]+\.pdf"/);
    const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, " ");
    expect(text).toContain(`Priority 1: ${PRIORITY}`);
    expect(text).toContain("Self-evaluation");
  });
});
