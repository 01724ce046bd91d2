import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSchools, type School } from "../../db/queries/schools";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const csv = (...rows: string[]) => ["name,reference,phase,category,locality", ...rows].join("\n");

describe.each(await testDatabases())("adding and importing schools on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let existing: School;
  let admin: TestClient;
  let head: TestClient;
  let n = 0;
  const uniq = () => `${Date.now().toString(36)}${n++}`;
  const schools = () => listSchools(app.services.db, authorityId);
  const count = async () => (await schools()).length;
  const validSchool = () => {
    const id = uniq();
    return {
      name: `Ashby Vale ${id}`,
      reference: `KB${id}`,
      phase: "primary",
      category: "universal",
      locality: "Ashby Vale",
    };
  };
  const importCsv = (client: TestClient, text: string) => {
    const body = new FormData();
    body.set("pasted", text);
    return client.request("/admin/schools/import", { method: "POST", body });
  };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    const made = await makeAuthority(db, 1);
    authorityId = made.authority.id;
    existing = made.schools[0];
    const adminUser = await makeUser(db, authorityId, [{ role: "authority_admin" }]);
    const headUser = await makeUser(db, authorityId, [{ role: "school_leader", schoolId: existing.id }]);
    admin = new TestClient(app.url);
    head = new TestClient(app.url);
    expect((await admin.signIn(adminUser.email, TEST_PASSWORD)).status).toBe(302);
    expect((await head.signIn(headUser.email, TEST_PASSWORD)).status).toBe(302);
  });
  afterAll(() => app?.close());

  it("adds a school from the form", async () => {
    const school = validSchool();
    const res = await admin.post("/admin/schools?index", school);
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain(`${school.name} was added.`);
    const stored = (await schools()).find((s) => s.name === school.name);
    expect(stored).toMatchObject({ ...school, authorityId });
  });

  it("refuses an invalid school with 400, stores nothing and keeps what was typed", async () => {
    const before = await count();
    const res = await admin.post("/admin/schools?index", {
      name: "",
      reference: "KB-TYPED-1",
      phase: "castle",
      category: "targeted",
      locality: "Marsh Lane End",
    });
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("Enter the school's name");
    expect(html).toContain("Choose a phase: Nursery, Primary");
    expect(html).toMatch(/<input[^>]*name="reference"[^>]*value="KB-TYPED-1"/);
    expect(html).toMatch(/<input[^>]*name="locality"[^>]*value="Marsh Lane End"/);
    expect(html).toMatch(/<option value="targeted" selected="">/);
    expect(await count()).toBe(before);
  });

  it("refuses a name already used in the authority, in any case", async () => {
    const before = await count();
    const res = await admin.post("/admin/schools?index", { ...validSchool(), name: existing.name.toUpperCase() });
    expect(res.status).toBe(400);
    expect(await visible(res)).toContain("A school with this name already exists.");
    expect(await count()).toBe(before);
  });

  it("refuses a reference already used in the authority, in any case", async () => {
    const before = await count();
    const res = await admin.post("/admin/schools?index", {
      ...validSchool(),
      reference: existing.reference.toLowerCase(),
    });
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("This reference is already used.");
    expect(html).not.toContain("A school with this name already exists.");
    expect(await count()).toBe(before);
  });

  it("forbids a school leader from adding or importing schools", async () => {
    const before = await count();
    const form = await head.post("/admin/schools?index", validSchool());
    expect(form.status).toBe(403);
    const s = validSchool();
    const imported = await importCsv(head, csv(`${s.name},${s.reference},primary,universal,Ashby`));
    expect(imported.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("imports every row of a good pasted CSV, accepting labels in any case", async () => {
    const before = await count();
    const [a, b, c] = [validSchool(), validSchool(), validSchool()];
    const res = await importCsv(
      admin,
      csv(
        `${a.name},${a.reference},primary,universal,Ashby`,
        `${b.name},${b.reference},Secondary,targeted support,Burton`,
        `"${c.name}, Annexe",${c.reference},special,INTENSIVE,Coalville`,
      ),
    );
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("3 schools were imported.");
    const after = await schools();
    expect(after).toHaveLength(before + 3);
    expect(after.find((s) => s.reference === b.reference)).toMatchObject({
      name: b.name,
      phase: "secondary",
      category: "targeted",
    });
    expect(after.find((s) => s.reference === c.reference)).toMatchObject({
      name: `${c.name}, Annexe`,
      category: "intensive",
    });
  });

  it("imports an uploaded CSV file", async () => {
    const before = await count();
    const [a, b] = [validSchool(), validSchool()];
    const body = new FormData();
    body.set("pasted", "");
    const text = csv(
      `${a.name},${a.reference},nursery,universal,Ashby`,
      `${b.name},${b.reference},primary,universal,Ashby`,
    );
    body.set("file", new Blob([text], { type: "text/csv" }), "schools.csv");
    const res = await admin.request("/admin/schools/import", { method: "POST", body });
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("2 schools were imported.");
    const after = await schools();
    expect(after).toHaveLength(before + 2);
    expect(after.map((s) => s.reference)).toEqual(expect.arrayContaining([a.reference, b.reference]));
  });

  it("imports nothing when one row is bad, and names the row and the problem", async () => {
    const before = await count();
    const [a, b, c] = [validSchool(), validSchool(), validSchool()];
    const res = await importCsv(
      admin,
      csv(
        `${a.name},${a.reference},primary,universal,Ashby`,
        `${b.name},${b.reference},castle,universal,Burton`,
        `${c.name},${c.reference},primary,universal,Coalville`,
      ),
    );
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("Nothing was imported. Please fix this problem:");
    expect(html).toMatch(/<td[^>]*>3<\/td><td[^>]*>phase<\/td><td>Choose a phase/);
    expect(html).toContain(b.reference); // the pasted text is kept for fixing
    expect(await count()).toBe(before);
  });

  it("imports nothing when a row clashes with an existing school", async () => {
    const before = await count();
    const [a, b] = [validSchool(), validSchool()];
    const res = await importCsv(
      admin,
      csv(
        `${a.name},${a.reference},primary,universal,Ashby`,
        `${existing.name.toLowerCase()},${b.reference},primary,universal,Ashby`,
      ),
    );
    expect(res.status).toBe(400);
    expect(await visible(res)).toMatch(
      /<td[^>]*>3<\/td><td[^>]*>name<\/td><td>A school called "[^"]+" already exists\./,
    );
    expect(await count()).toBe(before);
    expect((await schools()).some((s) => s.reference === a.reference)).toBe(false);
  });
});
