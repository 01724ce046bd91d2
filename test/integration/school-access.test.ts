/**
 * Who may see and do what with a school's improvement records (issue #5), as one table: every role
 * × every page and form of the SIP side. People outside the school get the same 404 as a wrong id
 * (nothing reveals that a plan, a visit record or a report exists); people inside who lack a right
 * get a 403 in words; admin pages answer non-admins with a 403. Then the parts of pages that could
 * leak without changing a status: brokering search results before consent, the count of reports in
 * a head's list (no drafts), the sections in a governor's report and PDF, and the audit log's count
 * of the reads this test made.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { todayIn as todayInLondon } from "../../app/kernel/dates";
import { createProposal } from "../../db/queries/brokering";
import { assignSip } from "../../db/queries/communities";
import { createReport, shareReport, type NewSection } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { logVisit } from "../../db/queries/visits";
import { improvementPlans, planTargets, reportSections, sipReports } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";
import { pdfText } from "../support/pdf-text";
import { makeReportWorld } from "../support/report-fixtures";

const roles = [
  "head", // the school's head (school_leader)
  "governor", // a governor of the school
  "sip", // the school's assigned SIP this year
  "otherSip", // a SIP assigned to another school of the authority
  "admin", // the authority's admin
  "facilitator", // a facilitator of the authority
  "otherHead", // a head of another school in the same authority
  "partnerHead", // the head of the school the SIP proposes to broker a link with
  "foreignHead", // a head of a school in another authority
  "foreignAdmin", // the admin of another authority
  "anonymous", // not signed in
] as const;
type Role = (typeof roles)[number];
/** A status, or "login" for a redirect to the sign-in page. */
type Outcome = number | "login";
type Expect = Partial<Record<Role, Outcome>>;

/** School records: what is not listed is 404 for the signed-in, the sign-in page for the anonymous. */
const school = (allowed: Expect): Expect => allowed;
/** Admin pages: what is not listed is 403 for the signed-in. */
const adminPage = (allowed: Expect): Expect => {
  const out: Expect = {};
  for (const role of roles) if (role !== "anonymous") out[role] = allowed[role] ?? 403;
  return out;
};
const expected = (table: Expect, role: Role): Outcome => table[role] ?? (role === "anonymous" ? "login" : 404);

// Section texts of the shared report, one per audience combination (the governor must see only the second and third).
const HEAD_ONLY = "HeadOnlyStaffingNote: discussed in confidence with the head.";
const GOVERNORS_ONLY = "GovernorsOnlyPerformanceAdvice: objectives on track.";
const EVERYONE = "EveryoneProgressSummary: attendance up two points.";
const AUTHORITY_ONLY = "AuthorityOnlyCategoryReview: keep the school targeted.";
const DRAFT_ONLY = "DraftOnlyWorkingNotes: not for anyone yet.";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** Paths whose successful rendering is a read of a visit record, a report or its PDF (the audit log's business). */
const AUDITED = new RegExp(`^/schools/${UUID}/(visits|reports)/${UUID}(/pdf)?(\\?.*)?$`);

describe.each(await testDatabases())("access to a school's improvement records on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  const clients = new Map<Role, TestClient>();
  const ids = {} as {
    school: string;
    unrelated: string;
    foreignSchool: string;
    plan: string;
    priority: string;
    target: string;
    record: string;
    draft: string;
    draftSection: string;
    toShare: string;
    shared: string;
    proposal: string;
  };
  /** Reads of audited pages that the app answered with the page (200, or 400 with the page and its errors). */
  let readsMade = 0;
  let pdfReadsMade = 0;

  /** One request as a role, returning what the table compares. */
  async function outcome(
    role: Role,
    method: "GET" | "POST",
    path: string,
    fields: Record<string, string> = {},
  ): Promise<{ outcome: Outcome; res: Response }> {
    const client = clients.get(role)!;
    const res = method === "GET" ? await client.request(path) : await client.post(path, fields);
    if ((res.status === 200 || res.status === 400) && AUDITED.test(path)) {
      readsMade++;
      if (path.includes("/pdf")) pdfReadsMade++;
    }
    const location = res.headers.get("location") ?? "";
    return { outcome: res.status === 302 && location.startsWith("/login") ? "login" : res.status, res };
  }
  async function get(role: Role, path: string) {
    const { outcome: o, res } = await outcome(role, "GET", path);
    expect(o, `${role} GET ${path}`).toBe(200);
    return res;
  }

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    const year = schoolYearOf(new Date());
    world = await makeReportWorld(db);
    const { authority, schools, people } = world;
    const foreign = await makeAuthority(db, 1);
    const otherSip = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Olu Other-Sip" });
    await assignSip(db, {
      authorityId: authority.id,
      sipUserId: otherSip.id,
      schoolIds: [schools.unrelated.id],
      schoolYear: year,
    });
    const users: Record<Exclude<Role, "anonymous">, { email: string }> = {
      head: people.head,
      governor: people.governor,
      sip: people.sip,
      otherSip,
      admin: people.admin,
      facilitator: await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" }),
      otherHead: people.otherHead,
      partnerHead: people.bigHead,
      foreignHead: await makeUser(
        db,
        foreign.authority.id,
        [{ role: "school_leader", schoolId: foreign.schools[0].id }],
        { name: "Fern Foreign" },
      ),
      foreignAdmin: await makeUser(db, foreign.authority.id, [{ role: "authority_admin" }], {
        name: "Finn Foreign-Admin",
      }),
    };

    const scope = await getSchoolScope(db, schools.ours.id, year);
    const assignmentId = scope!.assignment!.id;
    const [plan] = await db.select().from(improvementPlans).where(eq(improvementPlans.schoolId, schools.ours.id));
    const [target] = await db.select().from(planTargets).where(eq(planTargets.priorityId, world.priorities.ours));
    const visit = await logVisit(
      db,
      { assignmentId, visitDate: todayInLondon(), kind: "in_school", days: 1, purpose: "First visit" },
      { allowOverspend: false },
    );
    if (!visit.ok || !visit.recordId) throw new Error("the visit was not logged");

    const section = (
      kind: string,
      heading: string,
      body: string,
      audiences: NewSection["audiences"],
      position: number,
    ): NewSection => ({ kind, heading, body, audiences, position });
    const draft = await createReport(db, {
      assignmentId,
      title: "Spring draft report",
      sections: [section("progress", "Progress", DRAFT_ONLY, ["head", "governors", "authority"], 0)],
    });
    const toShare = await createReport(db, {
      assignmentId,
      title: "Summer report to share",
      sections: [section("progress", "Progress", "Summer progress.", ["head", "governors", "authority"], 0)],
    });
    const shared = await createReport(db, {
      assignmentId,
      title: "Autumn shared report",
      sections: [
        section("self_evaluation", "Staffing in confidence", HEAD_ONLY, ["head", "authority"], 0),
        section(
          "head_performance",
          "Advice on the head teacher's performance management",
          GOVERNORS_ONLY,
          ["governors", "authority"],
          1,
        ),
        section("progress", "Progress this term", EVERYONE, ["head", "governors", "authority"], 2),
        section("other", "Category review for the authority", AUTHORITY_ONLY, ["authority"], 3),
      ],
    });
    expect(await shareReport(db, shared.id)).toBe(true);
    const proposal = await createProposal(db, {
      assignmentId,
      priorityId: world.priorities.ours,
      partnerSchoolId: schools.bigGain.id,
      partnerPriorityId: world.priorities.big,
      reason: "Their breakfast club lifted attendance by six points.",
      proposedBy: people.sip.id,
    });

    Object.assign(ids, {
      school: schools.ours.id,
      unrelated: schools.unrelated.id,
      foreignSchool: foreign.schools[0].id,
      plan: plan.id,
      priority: world.priorities.ours,
      target: target.id,
      record: visit.recordId,
      draft: draft.id,
      draftSection: (await db.select().from(reportSections).where(eq(reportSections.reportId, draft.id)))[0].id,
      toShare: toShare.id,
      shared: shared.id,
      proposal: proposal!.id,
    });
    for (const role of roles) {
      const client = new TestClient(app.url);
      if (role !== "anonymous")
        expect((await client.signIn(users[role].email, TEST_PASSWORD)).status, `${role} signs in`).toBe(302);
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await closePdfBrowser();
    await app?.close();
  });

  const base = () => `/schools/${ids.school}`;

  it("shows the SIP's brokering search only anonymised schools before they consent", async () => {
    const hidden = [
      world.schools.bigGain,
      world.schools.outcomeGain,
      world.schools.smallGain,
      world.schools.reading,
      world.schools.unrelated,
    ].flatMap((s) => [s.name, s.id]);
    const headsHidden = [world.people.bigHead, world.people.outcomeHead, world.people.smallHead].flatMap((p) => [
      p.name,
      p.email,
    ]);
    const searches = [
      `${base()}/brokering`,
      `${base()}/brokering?priority=${ids.priority}`,
      `${base()}/brokering?priority=${ids.priority}&q=attendance`,
      `${base()}/brokering?priority=${ids.priority}&q=reading+fluency`,
      `${base()}/brokering?priority=${ids.priority}&q=breakfast+club`,
    ];
    const results: Record<string, { matches: number; leaked: string[] }> = {};
    for (const path of searches) {
      const raw = await (await get("sip", path)).text();
      const page = await visible(new Response(raw));
      results[path] = {
        matches: (page.match(/school in the local authority: /g) ?? []).length,
        // The raw response, scripts and loader data included: nothing a browser receives may name them.
        leaked: [...hidden, ...headsHidden].filter((s) => raw.includes(s)),
      };
    }
    expect(results).toEqual({
      [searches[0]]: { matches: 3, leaked: [] },
      [searches[1]]: { matches: 3, leaked: [] },
      [searches[2]]: { matches: 3, leaked: [] },
      [searches[3]]: { matches: 1, leaked: [] },
      [searches[4]]: { matches: 1, leaked: [] },
    });
  });

  const pages = (): Array<[string, string, Expect]> => {
    const b = base();
    const p = `${b}/plan/priorities/${ids.priority}`;
    const u = `/schools/${ids.unrelated}`;
    const leaders = { head: 200, sip: 200, admin: 200 } as const;
    // The school's governors are told in words that the plan is not theirs (ADR 010), not a bare 404.
    const planLeaders = { ...leaders, governor: 403 } as const;
    const readers = { head: 200, governor: 200, sip: 200, admin: 200 } as const;
    return [
      ["school page", b, school(readers)],
      ["plan overview", `${b}/plan`, school(planLeaders)],
      ["a priority", p, school(planLeaders)],
      ["its evidence trail", `${p}/trail`, school(planLeaders)],
      ["visits and time", `${b}/visits`, school(leaders)],
      ["a visit record", `${b}/visits/${ids.record}`, school(leaders)],
      ["reports list", `${b}/reports`, school(readers)],
      ["a draft report", `${b}/reports/${ids.draft}`, school({ sip: 200, admin: 200 })],
      ["a draft report's PDF", `${b}/reports/${ids.draft}/pdf`, school({ sip: 200, admin: 200 })],
      ["a shared report", `${b}/reports/${ids.shared}`, school(readers)],
      ["a shared report's PDF", `${b}/reports/${ids.shared}/pdf`, school(readers)],
      ["brokering", `${b}/brokering`, school({ sip: 200, head: 403, admin: 403 })],
      ["a brokering proposal", `/brokering/${ids.proposal}`, school({ partnerHead: 200 })],
      ["SIP deployment", "/admin/sips", adminPage({ admin: 200, foreignAdmin: 200 })],
      ["SIP deployment of the school", `/admin/sips/${ids.school}`, adminPage({ admin: 200, foreignAdmin: 404 })],
      ["SIP profiles", "/admin/sips/profiles", adminPage({ admin: 200, foreignAdmin: 200 })],
      ["audit log", "/admin/audit", adminPage({ admin: 200, foreignAdmin: 200 })],
      // The school's ids under another school's address reach nothing, whoever may see that school.
      ["the priority via another school", `${u}/plan/priorities/${ids.priority}`, school({})],
      ["the visit record via another school", `${u}/visits/${ids.record}`, school({})],
      ["the shared report via another school", `${u}/reports/${ids.shared}`, school({})],
      ["the shared report's PDF via another school", `${u}/reports/${ids.shared}/pdf`, school({})],
      [
        "the shared report via another authority's school",
        `/schools/${ids.foreignSchool}/reports/${ids.shared}`,
        school({}),
      ],
      ["a school that does not exist", "/schools/00000000-0000-4000-8000-000000000000/plan", school({})],
      ["a report that does not exist", `${b}/reports/00000000-0000-4000-8000-000000000000`, school({})],
    ];
  };

  it("answers every page with the status the table says, for every role", { timeout: 180_000 }, async () => {
    const actual: Record<string, Record<string, Outcome>> = {};
    const wanted: Record<string, Record<string, Outcome>> = {};
    for (const [what, path, table] of pages()) {
      actual[what] = {};
      wanted[what] = {};
      for (const role of roles) {
        const { outcome: o, res } = await outcome(role, "GET", path);
        await res.arrayBuffer();
        actual[what][role] = o;
        wanted[what][role] = expected(table, role);
      }
    }
    expect(actual).toEqual(wanted);
  });

  const forms = (): Array<[string, string, Record<string, string>, Expect]> => {
    const b = base();
    const p = `${b}/plan/priorities/${ids.priority}`;
    const comment = (subjectKind: string, subjectId: string) => ({
      intent: "comment",
      subjectKind,
      subjectId,
      body: "A comment on this part of the plan.",
    });
    const section = { intent: "save-section", heading: "Progress", body: "Changed by a POST.", audiences: "head" };
    return [
      [
        "plan: add a priority",
        `${b}/plan?index`,
        { intent: "add-priority", title: "Reading fluency in year 2", area: "quality_of_education", rationale: "" },
        school({ head: 302, sip: 403, admin: 403, governor: 403 }),
      ],
      [
        "plan: self-evaluation",
        `${b}/plan?index`,
        {
          intent: "self-evaluation",
          area: "leadership_and_management",
          judgement: "good",
          evidence: "Governors challenge well.",
        },
        school({ head: 200, sip: 403, admin: 403, governor: 403 }),
      ],
      [
        "plan: comment on the plan",
        `${b}/plan?index`,
        comment("plan", ids.plan),
        school({ head: 200, sip: 200, admin: 403, governor: 403 }),
      ],
      [
        "plan: mark alerts read",
        `${b}/plan`,
        { intent: "mark-alerts-read" },
        school({ head: 302, sip: 302, admin: 302, governor: 403 }),
      ],
      [
        "priority: add a target",
        `${p}?index`,
        {
          intent: "add-target",
          measure: "Attendance",
          studentGroup: "All pupils",
          baseline: "90",
          target: "95",
          byWhen: todayInLondon(),
        },
        school({ head: 200, sip: 403, admin: 403, governor: 403 }),
      ],
      [
        "priority: comment on a target",
        `${p}?index`,
        comment("target", ids.target),
        school({ head: 200, sip: 200, admin: 403, governor: 403 }),
      ],
      [
        "visits: log time",
        `${b}/visits`,
        {
          intent: "log",
          visitDate: todayInLondon(),
          kind: "preparation",
          days: "0.5",
          purpose: "Preparing the next visit",
        },
        school({ sip: 200, head: 403, admin: 403 }),
      ],
      [
        "visit record: pre-visit part",
        `${b}/visits/${ids.record}`,
        { intent: "pre", selfEvaluationUpdate: "Attendance is up.", questions: "Is reading improving?" },
        school({ head: 200, sip: 403, admin: 403 }),
      ],
      [
        "visit record: visit part",
        `${b}/visits/${ids.record}`,
        {
          intent: "visit",
          performance: "Improving.",
          keyFactors: "A stable team.",
          prioritiesAndTargets: "Reading.",
          howToAchieve: "Small groups.",
          agreedActions: "Share data.",
        },
        school({ sip: 200, head: 403, admin: 403 }),
      ],
      [
        "reports: start a report",
        `${b}/reports?index`,
        { title: "Winter report" },
        school({ sip: 302, head: 403, governor: 403, admin: 403 }),
      ],
      [
        "draft report: save a section",
        `${b}/reports/${ids.draft}`,
        { ...section, sectionId: ids.draftSection },
        school({ sip: 302, admin: 403 }),
      ],
      [
        "draft report: add a section",
        `${b}/reports/${ids.draft}`,
        { intent: "add-section", heading: "Next visit" },
        school({ sip: 302, admin: 403 }),
      ],
      ["draft report: share", `${b}/reports/${ids.toShare}`, { intent: "share" }, school({ sip: 302, admin: 403 })],
      [
        "shared report: acknowledge",
        `${b}/reports/${ids.shared}`,
        { intent: "acknowledge" },
        school({ head: 302, governor: 403, sip: 403, admin: 403 }),
      ],
      [
        "shared report: add a section",
        `${b}/reports/${ids.shared}`,
        { intent: "add-section", heading: "Too late" },
        school({ head: 403, governor: 403, sip: 403, admin: 403 }),
      ],
      [
        "brokering: propose a link",
        `${b}/brokering`,
        {
          priorityId: ids.priority,
          partnerPriorityId: world.priorities.small,
          reason: "Their rewards scheme is worth a look.",
        },
        school({ sip: 302, head: 403, admin: 403 }),
      ],
      [
        "brokering proposal: consent",
        `/brokering/${ids.proposal}`,
        { decision: "consented" },
        school({ partnerHead: 302 }),
      ],
      [
        "SIP deployment: category budgets",
        "/admin/sips?index",
        { universal: "5", targeted: "6", intensive: "8" },
        adminPage({ admin: 200, foreignAdmin: 200 }),
      ],
      [
        "SIP deployment of the school: day budget",
        `/admin/sips/${ids.school}`,
        { intent: "budget", dayBudget: "10" },
        adminPage({ admin: 200, foreignAdmin: 404 }),
      ],
      [
        "SIP profiles: save",
        "/admin/sips/profiles",
        { userId: world.people.sip.id, locality: "Testville", capacityDays: "30" },
        adminPage({ admin: 200, foreignAdmin: 404 }),
      ],
      [
        "the priority via another school: add an update",
        `/schools/${ids.unrelated}/plan/priorities/${ids.priority}?index`,
        { intent: "add-update", body: "Written through the wrong school." },
        school({}),
      ],
      [
        "the shared report via another school: acknowledge",
        `/schools/${ids.unrelated}/reports/${ids.shared}`,
        { intent: "acknowledge" },
        school({}),
      ],
    ];
  };

  it("answers every form with the status the table says, for every role", { timeout: 180_000 }, async () => {
    const actual: Record<string, Record<string, Outcome>> = {};
    const wanted: Record<string, Record<string, Outcome>> = {};
    for (const [what, path, fields, table] of forms()) {
      actual[what] = {};
      wanted[what] = {};
      for (const role of roles) {
        const { outcome: o, res } = await outcome(role, "POST", path, fields);
        await res.arrayBuffer();
        actual[what][role] = o;
        wanted[what][role] = expected(table, role);
      }
    }
    expect(actual).toEqual(wanted);
    // The refused did not write: one priority added (the head's), the shared report acknowledged by the head.
    const [acknowledged] = await app.services.db.select().from(sipReports).where(eq(sipReports.id, ids.shared));
    expect(acknowledged).toMatchObject({ status: "acknowledged", acknowledgedBy: world.people.head.id });
  });

  it("names the partner school to the SIP once it consented, and no other", async () => {
    const raw = await (await get("sip", `${base()}/brokering`)).text();
    expect(raw).toContain(world.schools.bigGain.name);
    expect(raw).toContain(world.people.bigHead.email);
    // Proposed in the table but not decided: still anonymous, like those never proposed.
    for (const s of [world.schools.smallGain, world.schools.outcomeGain]) expect(raw).not.toContain(s.name);
    expect(raw).not.toContain(world.people.smallHead.email);
  });

  it("lists drafts only for those who may read them: the count of reports per reader", async () => {
    const listed = async (role: Role) => {
      const page = await visible(await get(role, `${base()}/reports`));
      return new Set(page.match(new RegExp(`href="${base()}/reports/${UUID}"`, "g")) ?? []).size;
    };
    const all = await app.services.db.select().from(sipReports);
    const ours = all.filter((r) => r.status !== "draft").length;
    const counts = {
      head: await listed("head"),
      governor: await listed("governor"),
      sip: await listed("sip"),
      admin: await listed("admin"),
    };
    // Drafts: the untouched one and the one started in the form table; shared: the autumn one (acknowledged) and the summer one.
    expect({ drafts: all.length - ours, shared: ours }).toEqual({ drafts: 2, shared: 2 });
    expect(counts).toEqual({ head: 2, governor: 2, sip: 4, admin: 4 });
    const headRaw = await (await get("head", `${base()}/reports`)).text();
    expect(headRaw).not.toContain("Spring draft report");
    expect(headRaw).not.toContain("Winter report");
  });

  it(
    "shows a governor only the governors' sections, on the page and in the PDF, and the head only the head's",
    { timeout: 60_000 },
    async () => {
      const report = `${base()}/reports/${ids.shared}`;
      const has = (text: string) => ({
        head: text.includes(HEAD_ONLY),
        governors: text.includes(GOVERNORS_ONLY),
        everyone: text.includes(EVERYONE),
        authority: text.includes(AUTHORITY_ONLY),
      });
      const governorPage = await (await get("governor", report)).text();
      const headPage = await (await get("head", report)).text();
      const adminPage_ = await (await get("admin", report)).text();
      const governorPdf = pdfText(Buffer.from(await (await get("governor", `${report}/pdf`)).arrayBuffer()));
      expect({
        governorPage: has(governorPage),
        governorPdf: has(governorPdf),
        headPage: has(headPage),
        adminPage: has(adminPage_),
      }).toEqual({
        governorPage: { head: false, governors: true, everyone: true, authority: false },
        governorPdf: { head: false, governors: true, everyone: true, authority: false },
        headPage: { head: true, governors: false, everyone: true, authority: false },
        adminPage: { head: true, governors: true, everyone: true, authority: true },
      });
      // Nor the headings of the sections not addressed to them.
      expect(governorPage).not.toContain("Staffing in confidence");
      expect(governorPage).not.toContain("Category review for the authority");
      expect(headPage).not.toContain("performance management");
    },
  );

  it("counts in the audit log every read this test made, for the admin of the authority only", async () => {
    const total = async (role: Role, query = "") => {
      const page = (await visible(await get(role, `/admin/audit${query}`)))
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ");
      return Number(/· (\d+) reads?\b/.exec(page)?.[1] ?? NaN);
    };
    expect(readsMade).toBeGreaterThan(10);
    expect({
      all: await total("admin"),
      pdfs: await total("admin", `?school=${ids.school}&kind=report_pdf`),
      foreign: await total("foreignAdmin"),
      foreignFilteredToOurSchool: await total("foreignAdmin", `?school=${ids.school}`),
    }).toEqual({ all: readsMade, pdfs: pdfReadsMade, foreign: 0, foreignFilteredToOurSchool: 0 });
  });
});
