/**
 * The authority admin's workflows: add schools (one, or a CSV file), invite people, change roles. Each
 * writes, then does its consequences (the invitation email, the log line the admin's changes leave).
 */
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { getAuthority, updateAuthoritySettings, type Authority } from "../../../db/queries/authorities";
import { createInvitation } from "../../../db/queries/invitations";
import { findSchoolClashes, getAuthoritySchool, insertSchools, type School } from "../../../db/queries/schools";
import { addGrant, listPeople, removeGrant } from "../../../db/queries/users";
import type { Role } from "../../../db/schema/roles";
import { dateContextFor, formatInstant, supportedTimeZones } from "../../kernel/dates";
import { roleLabel, type Terminology } from "../../kernel/terminology";
import type { CurrentActor } from "../auth/guard.server";
import { createToken } from "../auth/tokens.server";
import type { Mailer } from "../notifications/mailer.server";
import type { Env } from "../../utils/env.server";
import type { Logger } from "../../utils/logger.server";
import type { AppServices } from "../../utils/services.server";
import { parseSchoolsCsv, type RowError } from "./school-csv.server";
import type { SchoolInput } from "./schema";

type Deps = { db: Database; logger: Logger; realtime?: Pick<AppServices["realtime"], "accessChanged"> };
type FieldErrors = Record<string, string[]>;

export type AddSchoolResult =
  { ok: true; school: School } | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

/** Adds one school to the authority; a name or reference already in use is a field error. */
export async function addSchool(
  deps: Deps,
  actor: CurrentActor,
  authorityId: string,
  input: SchoolInput,
): Promise<AddSchoolResult> {
  const { db, logger } = deps;
  const clashes = await findSchoolClashes(db, authorityId);
  const fieldErrors: FieldErrors = {};
  if (clashes.names.has(input.name.toLowerCase())) fieldErrors.name = ["A school with this name already exists."];
  if (clashes.references.has(input.reference.toLowerCase()))
    fieldErrors.reference = ["This reference is already used."];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  let school: School;
  try {
    [school] = await insertSchools(db, [{ ...input, authorityId }]);
  } catch (error) {
    // Someone else added the same school a moment ago.
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, formErrors: ["A school with this name or reference was just added."] };
  }
  logger.info("school added", { schoolId: school.id, by: actor.userId });
  return { ok: true, school };
}

export type ImportSchoolsResult = { ok: true; imported: number } | { ok: false; errors: RowError[]; status: 400 | 409 };

/** Imports every school of a CSV text, or none: each problem is listed with its row. */
export async function importSchools(
  deps: Deps,
  actor: CurrentActor,
  authorityId: string,
  text: string,
): Promise<ImportSchoolsResult> {
  const { db, logger } = deps;
  const result = parseSchoolsCsv(text, await findSchoolClashes(db, authorityId));
  if (!result.ok) return { ok: false, errors: result.errors, status: 400 };
  try {
    const inserted = await insertSchools(
      db,
      result.schools.map((s) => ({ ...s, authorityId })),
    );
    logger.info("schools imported", { count: inserted.length, by: actor.userId });
    return { ok: true, imported: inserted.length };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const message =
      "Another admin added one of these schools while you were importing. Nothing was imported; please try again.";
    return { ok: false, errors: [{ row: 0, field: "file", message }], status: 409 };
  }
}

export type Invite = { authorityId: string; email: string; role: Role; schoolId: string | null; requestOrigin: string };
export type InviteResult =
  { ok: true; mailStatus: "outbox" | "sent" | "failed" } | { ok: false; fieldErrors: FieldErrors };

/**
 * Creates a single-use invitation and emails its link (to the outbox without SMTP). Returns how
 * the mail went, so the admin is told if sending failed.
 */
export async function invitePerson(
  deps: Deps & { env: Env; mailer: Mailer },
  actor: CurrentActor,
  invite: Invite,
): Promise<InviteResult> {
  const { db, env, mailer, logger } = deps;
  const school = invite.schoolId ? await getAuthoritySchool(db, invite.authorityId, invite.schoolId) : null;
  if (invite.schoolId && !school) return { ok: false, fieldErrors: { schoolId: ["Choose a school from the list"] } };
  const invitedBy = { id: actor.userId, name: actor.user.name };
  const schoolName = school?.name ?? null;
  const { token, hash } = createToken();
  const expiresAt = new Date(Date.now() + env.invitationMs);
  await createInvitation(db, {
    authorityId: invite.authorityId,
    email: invite.email,
    role: invite.role,
    schoolId: invite.schoolId,
    tokenHash: hash,
    invitedBy: invitedBy.id,
    expiresAt,
  });
  const authority = await getAuthority(db, invite.authorityId);
  const origin = env.appUrl ?? invite.requestOrigin;
  const link = `${origin}/invite/${token}`;
  const what = roleLabel(invite.role, authority?.terminology) + (schoolName ? ` of ${schoolName}` : "");
  const text = [
    `Hello,`,
    ``,
    `${invitedBy.name} has invited you to join ${authority?.name ?? "their authority"} on Commons as ${what}.`,
    ``,
    `To accept, open this link. You will choose a password, or enter your current one if you already use Commons:`,
    link,
    ``,
    `The link works once and expires on ${formatInstant(expiresAt, "long-date-time", dateContextFor(authority))}.`,
    `If you were not expecting this invitation, you can ignore this email.`,
  ].join("\n");
  const mail = await mailer.send({
    authorityId: invite.authorityId,
    to: invite.email,
    subject: "You are invited to Commons",
    text,
  });
  logger.info("invitation created", { by: actor.userId, role: invite.role, mailStatus: mail.status });
  return { ok: true, mailStatus: mail.status };
}

export type RoleChange = {
  authorityId: string;
  personId: string;
  role: Role;
  schoolId: string | null;
  action: "add" | "remove";
};
export type RoleChangeResult = { ok: true; leftAuthority: boolean } | { ok: false; fieldErrors: FieldErrors };

/** Adds or removes one role of a person; says when removing their last role took them out of the authority. */
export async function changeRole(deps: Deps, actor: CurrentActor, change: RoleChange): Promise<RoleChangeResult> {
  const { db, logger } = deps;
  const { authorityId, personId, role, schoolId, action } = change;
  if (schoolId && !(await getAuthoritySchool(db, authorityId, schoolId))) {
    return { ok: false, fieldErrors: { schoolId: ["Choose a school from the list"] } };
  }
  const grant = { role, schoolId, authorityId };
  if (action === "remove") await removeGrant(db, personId, grant);
  else await addGrant(db, personId, grant);
  logger.info("role changed", { by: actor.userId, userId: personId, role, schoolId, action });
  // Open documents re-check this person's access now: a removed role closes or downgrades them at once.
  deps.realtime?.accessChanged(personId);
  const leftAuthority = action === "remove" && (await listPeople(db, authorityId, personId)).length === 0;
  return { ok: true, leftAuthority };
}

export type SettingsResult = { ok: true; authority: Authority } | { ok: false; fieldErrors: FieldErrors };

/**
 * Sets the authority's terminology and time zone. The zone is checked again here (not only by the
 * form) because every page formats with it. The change is logged with who made it and what it was,
 * like every other admin change.
 */
export async function changeAuthoritySettings(
  deps: Deps,
  actor: CurrentActor,
  authorityId: string,
  settings: { terminology: Terminology; timeZone: string },
): Promise<SettingsResult> {
  const { db, logger } = deps;
  if (!supportedTimeZones().includes(settings.timeZone)) {
    return { ok: false, fieldErrors: { timeZone: ["Choose a time zone from the list"] } };
  }
  const before = await getAuthority(db, authorityId);
  const authority = await updateAuthoritySettings(db, authorityId, settings);
  if (!authority) return { ok: false, fieldErrors: { authorityId: ["This authority no longer exists."] } };
  logger.info("authority settings changed", {
    by: actor.userId,
    authorityId,
    terminology: { from: before?.terminology, to: authority.terminology },
    timeZone: { from: before?.timeZone, to: authority.timeZone },
  });
  return { ok: true, authority };
}
