/**
 * The date context of an authority, read from its settings, for server-side text and form values
 * (emails, notifications, PDFs, CSV, `datetime-local` fields): the same context the pages use.
 */
import type { Database } from "../../../db/client";
import { getAuthority } from "../../../db/queries/authorities";
import { dateContextFor, type DateContext } from "../../kernel/dates";

/** The authority's locale and time zone (the default when it has none or no longer exists). */
export async function authorityDateContext(db: Database, authorityId: string | null | undefined): Promise<DateContext> {
  return dateContextFor(authorityId ? await getAuthority(db, authorityId) : null);
}
