import {
  adminAuthorityIds,
  canAddSchools,
  canChangeRole,
  canEditSchool,
  canInvitePeople,
  canManageAuthority,
  canViewOutbox,
  canViewSchool,
  governedSchoolIds,
  isFacilitator,
  isSchoolRole,
  isSip,
  ledSchoolIds,
  type Actor,
  type Grant,
  type SchoolRef,
} from ".";
import { roles } from "../../../db/schema/roles";

const AUTH1 = "auth-1";
const AUTH2 = "auth-2";
const schoolA: SchoolRef = { id: "school-a", authorityId: AUTH1 };
const schoolB: SchoolRef = { id: "school-b", authorityId: AUTH1 };
const schoolC: SchoolRef = { id: "school-c", authorityId: AUTH2 };

const actor = (userId: string, ...grants: Grant[]): Actor => ({ userId, grants });
const g = (role: Grant["role"], authorityId = AUTH1, schoolId: string | null = null): Grant => ({
  role,
  authorityId,
  schoolId,
});

const actors = {
  leaderA: actor("u-leader-a", g("school_leader", AUTH1, schoolA.id)),
  leaderB: actor("u-leader-b", g("school_leader", AUTH1, schoolB.id)),
  governorA: actor("u-gov-a", g("governor", AUTH1, schoolA.id)),
  facilitator: actor("u-fac", g("facilitator")),
  sip: actor("u-sip", g("sip")),
  admin1: actor("u-admin-1", g("authority_admin")),
  admin2: actor("u-admin-2", g("authority_admin", AUTH2)),
  nobody: actor("u-nobody"),
  several: actor("u-several", g("governor", AUTH1, schoolB.id), g("sip"), g("facilitator", AUTH2)),
};
type Who = keyof typeof actors;

// Expected answers in authority 1 (schools A and B) for every role.
const expected: Record<
  Who,
  { manage: boolean; viewA: boolean; editA: boolean; viewB: boolean; editB: boolean; fac: boolean; sip: boolean }
> = {
  leaderA: { manage: false, viewA: true, editA: true, viewB: false, editB: false, fac: false, sip: false },
  leaderB: { manage: false, viewA: false, editA: false, viewB: true, editB: true, fac: false, sip: false },
  governorA: { manage: false, viewA: true, editA: false, viewB: false, editB: false, fac: false, sip: false },
  facilitator: { manage: false, viewA: false, editA: false, viewB: false, editB: false, fac: true, sip: false },
  sip: { manage: false, viewA: false, editA: false, viewB: false, editB: false, fac: false, sip: true },
  admin1: { manage: true, viewA: true, editA: true, viewB: true, editB: true, fac: false, sip: false },
  admin2: { manage: false, viewA: false, editA: false, viewB: false, editB: false, fac: false, sip: false },
  nobody: { manage: false, viewA: false, editA: false, viewB: false, editB: false, fac: false, sip: false },
  several: { manage: false, viewA: false, editA: false, viewB: true, editB: false, fac: false, sip: true },
};

describe.each(Object.keys(expected) as Who[])("permissions for %s in authority 1", (who) => {
  const a = actors[who];
  const e = expected[who];

  it("authority-wide admin powers", () => {
    expect(canManageAuthority(a, AUTH1)).toBe(e.manage);
    expect(canAddSchools(a, AUTH1)).toBe(e.manage);
    expect(canInvitePeople(a, AUTH1)).toBe(e.manage);
    expect(canViewOutbox(a, AUTH1)).toBe(e.manage);
    expect(canChangeRole(a, { authorityId: AUTH1, targetUserId: "someone-else", role: "sip", action: "add" })).toBe(
      e.manage,
    );
  });

  it("school view and edit", () => {
    expect(canViewSchool(a, schoolA)).toBe(e.viewA);
    expect(canEditSchool(a, schoolA)).toBe(e.editA);
    expect(canViewSchool(a, schoolB)).toBe(e.viewB);
    expect(canEditSchool(a, schoolB)).toBe(e.editB);
  });

  it("facilitator and SIP roles", () => {
    expect(isFacilitator(a, AUTH1)).toBe(e.fac);
    expect(isSip(a, AUTH1)).toBe(e.sip);
  });
});

describe("cross-authority isolation", () => {
  it("admin of another authority gets nothing in authority 1 but everything in their own", () => {
    const a = actors.admin2;
    expect(canManageAuthority(a, AUTH2)).toBe(true);
    expect(canViewSchool(a, schoolC)).toBe(true);
    expect(canEditSchool(a, schoolC)).toBe(true);
    for (const role of roles) {
      expect(canChangeRole(a, { authorityId: AUTH1, targetUserId: "u-x", role, action: "add" })).toBe(false);
      expect(canChangeRole(a, { authorityId: AUTH1, targetUserId: "u-x", role, action: "remove" })).toBe(false);
    }
  });

  it("admin of authority 1 cannot see or edit a school of authority 2", () => {
    expect(canViewSchool(actors.admin1, schoolC)).toBe(false);
    expect(canEditSchool(actors.admin1, schoolC)).toBe(false);
    expect(canManageAuthority(actors.admin1, AUTH2)).toBe(false);
  });

  it("facilitator and SIP are scoped to their authority, or any when unspecified", () => {
    expect(isFacilitator(actors.facilitator, AUTH2)).toBe(false);
    expect(isFacilitator(actors.facilitator)).toBe(true);
    expect(isFacilitator(actors.several, AUTH2)).toBe(true);
    expect(isSip(actors.several, AUTH2)).toBe(false);
    expect(isSip(actors.nobody)).toBe(false);
  });
});

describe("canChangeRole", () => {
  const admin = actors.admin1;
  const change = (targetUserId: string, role: Grant["role"], action: "add" | "remove") => ({
    authorityId: AUTH1,
    targetUserId,
    role,
    action,
  });

  it.each(roles)("an admin may add %s to anyone, including themself", (role) => {
    expect(canChangeRole(admin, change("u-other", role, "add"))).toBe(true);
    expect(canChangeRole(admin, change(admin.userId, role, "add"))).toBe(true);
  });

  it("an admin cannot remove their own admin role", () => {
    expect(canChangeRole(admin, change(admin.userId, "authority_admin", "remove"))).toBe(false);
  });

  it.each(roles.filter((r) => r !== "authority_admin"))("an admin may remove their own %s role", (role) => {
    expect(canChangeRole(admin, change(admin.userId, role, "remove"))).toBe(true);
  });

  it("an admin may remove another admin's admin role", () => {
    expect(canChangeRole(admin, change("u-admin-other", "authority_admin", "remove"))).toBe(true);
  });

  it("non-admins cannot change any role", () => {
    for (const who of ["leaderA", "governorA", "facilitator", "sip", "nobody", "several"] as const) {
      expect(canChangeRole(actors[who], change("u-other", "governor", "add"))).toBe(false);
    }
  });
});

describe("grant helpers", () => {
  it("isSchoolRole is true only for leaders and governors", () => {
    expect(roles.filter(isSchoolRole).sort()).toEqual(["governor", "school_leader"]);
  });

  it("lists admin authorities once each", () => {
    const a = actor("u", g("authority_admin"), g("authority_admin"), g("authority_admin", AUTH2), g("sip"));
    expect(adminAuthorityIds(a).sort()).toEqual([AUTH1, AUTH2]);
    expect(adminAuthorityIds(actors.leaderA)).toEqual([]);
  });

  it("lists led and governed schools separately", () => {
    const a = actor("u", g("school_leader", AUTH1, "s1"), g("governor", AUTH1, "s2"), g("school_leader", AUTH1, "s3"));
    expect(ledSchoolIds(a)).toEqual(["s1", "s3"]);
    expect(governedSchoolIds(a)).toEqual(["s2"]);
    expect(ledSchoolIds(actors.governorA)).toEqual([]);
  });
});
