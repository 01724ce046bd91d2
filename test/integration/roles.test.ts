import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { School } from "../../db/queries/schools";
import { getGrants, type User } from "../../db/queries/users";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

describe.each(await testDatabases())("roles and access on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let schools: School[];
  let otherSchool: School;
  let adminUser: User;
  let admin: TestClient;
  const db = () => app.services.db;
  const grantsOf = (user: User) => getGrants(db(), user.id);

  async function signedIn(user: User) {
    const client = new TestClient(app.url);
    expect((await client.signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    return client;
  }

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const a = await makeAuthority(db(), 2);
    const b = await makeAuthority(db(), 1);
    authorityId = a.authority.id;
    schools = a.schools;
    otherSchool = b.schools[0];
    adminUser = await makeUser(db(), authorityId, [{ role: "authority_admin" }]);
    admin = await signedIn(adminUser);
  });
  afterAll(() => app?.close());

  it("adds a facilitator role to a head and removes it again, keeping their other role", async () => {
    const head = await makeUser(db(), authorityId, [{ role: "school_leader", schoolId: schools[0].id }]);
    const page = `/admin/people/${head.id}`;
    const added = await admin.post(page, { intent: "add", role: "facilitator", schoolId: "" });
    expect(added.status).toBe(200);
    expect(await grantsOf(head)).toEqual(
      expect.arrayContaining([{ role: "facilitator", authorityId, schoolId: null }]),
    );
    expect(await grantsOf(head)).toHaveLength(2);
    expect(await visible(await admin.request(page))).toMatch(/<span>Facilitator<\/span>/);

    const removed = await admin.post(page, { intent: "remove", role: "facilitator" });
    expect(removed.status).toBe(200);
    expect(await grantsOf(head)).toEqual([{ role: "school_leader", authorityId, schoolId: schools[0].id }]);
  });

  it("removes only the school role of the school named", async () => {
    const head = await makeUser(db(), authorityId, [
      { role: "school_leader", schoolId: schools[0].id },
      { role: "school_leader", schoolId: schools[1].id },
    ]);
    const res = await admin.post(`/admin/people/${head.id}`, {
      intent: "remove",
      role: "school_leader",
      schoolId: schools[0].id,
    });
    expect(res.status).toBe(200);
    expect(await grantsOf(head)).toEqual([{ role: "school_leader", authorityId, schoolId: schools[1].id }]);
  });

  it("refuses a school role without a school, or with another authority's school", async () => {
    const person = await makeUser(db(), authorityId, [{ role: "sip" }]);
    const missing = await admin.post(`/admin/people/${person.id}`, { intent: "add", role: "governor", schoolId: "" });
    expect(missing.status).toBe(400);
    expect(await visible(missing)).toContain("Choose the school for this role");
    const foreign = await admin.post(`/admin/people/${person.id}`, {
      intent: "add",
      role: "governor",
      schoolId: otherSchool.id,
    });
    expect(foreign.status).toBe(400);
    expect(await visible(foreign)).toContain("Choose a school from the list");
    expect(await grantsOf(person)).toEqual([{ role: "sip", authorityId, schoolId: null }]);
  });

  it("sends the admin back to the people list when they remove someone's last role", async () => {
    const person = await makeUser(db(), authorityId, [{ role: "sip" }]);
    const res = await admin.post(`/admin/people/${person.id}`, { intent: "remove", role: "sip" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/people");
    expect(await grantsOf(person)).toEqual([]);
    expect((await admin.request(`/admin/people/${person.id}`)).status).toBe(404);
  });

  it("does not let an admin remove their own admin role", async () => {
    const res = await admin.post(`/admin/people/${adminUser.id}`, { intent: "remove", role: "authority_admin" });
    expect(res.status).toBe(403);
    expect(await visible(res)).toContain("You cannot remove your own admin role.");
    expect(await grantsOf(adminUser)).toEqual([{ role: "authority_admin", authorityId, schoolId: null }]);
    expect(await visible(await admin.request(`/admin/people/${adminUser.id}`))).toContain(
      "Another admin must remove your own admin role.",
    );
  });

  it("lets another admin remove an admin role", async () => {
    const second = await makeUser(db(), authorityId, [{ role: "authority_admin" }, { role: "facilitator" }]);
    const res = await admin.post(`/admin/people/${second.id}`, { intent: "remove", role: "authority_admin" });
    expect(res.status).toBe(200);
    expect(await grantsOf(second)).toEqual([{ role: "facilitator", authorityId, schoolId: null }]);
    expect((await (await signedIn(second)).request("/admin")).status).toBe(403);
  });

  it("hides people of other authorities from an admin (404), and cannot change them", async () => {
    const outsider = await makeUser(db(), otherSchool.authorityId, [
      { role: "school_leader", schoolId: otherSchool.id },
    ]);
    expect((await admin.request(`/admin/people/${outsider.id}`)).status).toBe(404);
    const res = await admin.post(`/admin/people/${outsider.id}`, { intent: "add", role: "facilitator", schoolId: "" });
    expect(res.status).toBe(404);
    expect(await grantsOf(outsider)).toHaveLength(1);
    expect((await admin.request("/admin/people/not-an-id")).status).toBe(404);
  });

  it("shows a person with several roles every section of their dashboard", async () => {
    const many = await makeUser(db(), authorityId, [
      { role: "school_leader", schoolId: schools[1].id },
      { role: "sip" },
      { role: "facilitator" },
    ]);
    const res = await (await signedIn(many)).request("/dashboard");
    expect(res.status).toBe(200);
    const html = await visible(res);
    for (const text of [
      "Your school",
      schools[1].name,
      "Your assigned schools",
      "Your communities of practice",
      "School Improvement Partner",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain("Your authority");
    expect(html).not.toContain(schools[0].name);
  });

  it("shows a governor their school's page but not the admin area", async () => {
    const governor = await makeUser(db(), authorityId, [{ role: "governor", schoolId: schools[0].id }], {
      name: "Gwen Governor",
    });
    const client = await signedIn(governor);
    const page = await client.request(`/schools/${schools[0].id}`);
    expect(page.status).toBe(200);
    const html = await visible(page);
    expect(html).toContain(schools[0].name);
    expect(html).toContain("Gwen Governor");
    expect((await client.request("/admin")).status).toBe(403);
    expect((await client.request("/admin/people")).status).toBe(403);
    expect((await client.request(`/schools/${schools[1].id}`)).status).toBe(404);
  });

  it("tells a head of another school that the page does not exist (404)", async () => {
    const head = await makeUser(db(), authorityId, [{ role: "school_leader", schoolId: schools[1].id }]);
    const client = await signedIn(head);
    const res = await client.request(`/schools/${schools[0].id}`);
    expect(res.status).toBe(404);
    expect(await visible(res)).not.toContain(schools[0].name);
    expect((await client.request(`/schools/${schools[1].id}`)).status).toBe(200);
    expect((await client.request(`/schools/${otherSchool.id}`)).status).toBe(404);
  });
});
