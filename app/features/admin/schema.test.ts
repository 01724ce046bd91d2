import { authoritySettingsSchema, InviteSchema, RoleGrantSchema } from "./schema";

const SCHOOL = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b9c";

function issuesOf(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  if (result.success) throw new Error("expected the input to be refused");
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("RoleGrantSchema", () => {
  it.each(["school_leader", "governor"] as const)("%s needs a school", (role) => {
    expect(issuesOf(RoleGrantSchema.safeParse({ role }))).toEqual([
      { path: "schoolId", message: "Choose the school for this role" },
    ]);
    expect(RoleGrantSchema.safeParse({ role, schoolId: SCHOOL })).toEqual({
      success: true,
      data: { role, schoolId: SCHOOL },
    });
  });

  it.each(["facilitator", "sip", "authority_admin"] as const)("%s drops any school chosen", (role) => {
    expect(RoleGrantSchema.safeParse({ role, schoolId: SCHOOL })).toEqual({
      success: true,
      data: { role, schoolId: null },
    });
    expect(RoleGrantSchema.safeParse({ role })).toEqual({ success: true, data: { role, schoolId: null } });
  });

  it("rejects an unknown role and a school id that is not a uuid", () => {
    expect(issuesOf(RoleGrantSchema.safeParse({ role: "superuser" }))).toEqual([
      { path: "role", message: "Choose a role" },
    ]);
    expect(issuesOf(RoleGrantSchema.safeParse({ role: "governor", schoolId: "school-1" }))).toContainEqual({
      path: "schoolId",
      message: "Choose a school from the list",
    });
  });
});

describe("InviteSchema", () => {
  it("trims and lower-cases the email", () => {
    const result = InviteSchema.safeParse({ email: "  Ada.Lovelace@Example.ORG ", role: "sip" });
    expect(result).toEqual({ success: true, data: { email: "ada.lovelace@example.org", role: "sip", schoolId: null } });
  });

  it("keeps the school for a school role and drops it for others", () => {
    expect(InviteSchema.safeParse({ email: "a@b.org", role: "school_leader", schoolId: SCHOOL }).data).toEqual({
      email: "a@b.org",
      role: "school_leader",
      schoolId: SCHOOL,
    });
    expect(
      InviteSchema.safeParse({ email: "a@b.org", role: "facilitator", schoolId: SCHOOL }).data?.schoolId,
    ).toBeNull();
  });

  it("a governor invitation without a school is refused", () => {
    expect(issuesOf(InviteSchema.safeParse({ email: "a@b.org", role: "governor" }))).toEqual([
      { path: "schoolId", message: "Choose the school for this role" },
    ]);
  });

  it.each(["not-an-email", "a@", "@b.org", "a b@c.org"])("rejects the email %j", (email) => {
    expect(issuesOf(InviteSchema.safeParse({ email, role: "sip" }))).toEqual([
      { path: "email", message: "Enter a valid email address" },
    ]);
  });

  it("asks for a missing email", () => {
    expect(issuesOf(InviteSchema.safeParse({ role: "sip" }))).toEqual([
      { path: "email", message: "Enter their email address" },
    ]);
  });
});

describe("authoritySettingsSchema", () => {
  const schema = authoritySettingsSchema(["Europe/London", "America/New_York"]);
  const authorityId = SCHOOL;

  it("accepts a terminology and a zone from the list", () => {
    expect(schema.safeParse({ authorityId, terminology: "en-US", timeZone: "America/New_York" })).toEqual({
      success: true,
      data: { authorityId, terminology: "en-US", timeZone: "America/New_York" },
    });
  });

  it("refuses a zone not on the list and an unknown terminology, in words", () => {
    expect(issuesOf(schema.safeParse({ authorityId, terminology: "fr-FR", timeZone: "Mars/Olympus_Mons" }))).toEqual([
      { path: "terminology", message: "Choose the words your authority uses" },
      { path: "timeZone", message: "Choose a time zone from the list" },
    ]);
    expect(issuesOf(schema.safeParse({ authorityId, terminology: "en-GB" }))).toEqual([
      { path: "timeZone", message: "Choose a time zone" },
    ]);
  });
});
