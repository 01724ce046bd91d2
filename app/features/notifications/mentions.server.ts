/**
 * @mentions in the shared texts: who may be mentioned (the loaders offer them to the editor), and
 * the notification a new mention sends, called by the collaboration server after a save
 * (collab/mentions.ts finds the mentions and credits each to the person whose connection wrote it).
 */
import { and, eq, inArray, like, or } from "drizzle-orm";
import { parseDocumentName, type DocumentName } from "../../../collab/doc-names";
import type { NewMention } from "../../../collab/mentions";
import { peopleWhoCanOpen, type DocumentReader } from "../../../collab/mentions-people";
import { MENTION_PARAM, mentionIdFromSearch } from "../../../collab/mentions-shape";
import type { Database } from "../../../db/client";
import { cohortSessions, communities, notifications, users } from "../../../db/schema/index";
import { schoolYearOf } from "../../kernel/school-year";
import { notify, type NotifyDeps } from "./service.server";

/** The people the signed-in person may mention in this document (its wire name): everyone who can open it but themself. */
export async function mentionCandidates(db: Database, docName: string, viewerId: string): Promise<DocumentReader[]> {
  const doc = parseDocumentName(docName);
  if (!doc) return [];
  return (await peopleWhoCanOpen(db, doc, schoolYearOf(new Date()))).filter((p) => p.id !== viewerId);
}

/** Where a document is shown, in words and as a path, or null when it is gone. */
async function placeOf(db: Database, doc: DocumentName): Promise<{ title: string; path: string } | null> {
  if (doc.kind === "inquiry") {
    const [community] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, doc.id));
    return community ? { title: `the ${community.name} inquiry`, path: `/communities/${doc.id}/inquiry` } : null;
  }
  if (doc.kind === "session-notes") {
    const [session] = await db
      .select({ cohortId: cohortSessions.cohortId, title: cohortSessions.title })
      .from(cohortSessions)
      .where(eq(cohortSessions.id, doc.id));
    return session
      ? { title: `the notes of “${session.title}”`, path: `/cohorts/${session.cohortId}/sessions/${doc.id}` }
      : null;
  }
  return null;
}

/** The id of the heading a field sits under on its page (the inquiry and session routes use these ids). */
function anchorOf(field: string): string {
  const [part, rest = ""] = field.split("/");
  if (part === "story" || part === "needed") return `${part}-${rest}`;
  if (part === "peer-check") return `peer-notes-${rest.split("+").join("-")}`;
  return "notes-heading";
}

/** The link to the mention: the page, the mention (highlighted there) and the heading of its field. */
export function linkToMention(path: string, mention: Pick<NewMention, "mentionId" | "field">) {
  return `${path}?${MENTION_PARAM}=${mention.mentionId}#${anchorOf(mention.field)}`;
}

/** The section a mention is in, in words ("In Ada Member's story."), for the notification's body. */
function sectionWords(field: string, nameOf: (id: string) => string): string {
  const [part, rest = ""] = field.split("/");
  if (part === "story") return `In ${nameOf(rest)}'s story.`;
  if (part === "needed") return `In ${nameOf(rest)}'s reflection on what they needed.`;
  if (part === "peer-check") return `In the peer check notes of ${rest.split("+").map(nameOf).sort().join(" and ")}.`;
  return "";
}

/**
 * Which of these mentions were already notified to their person, as "<userId> <mentionId>" (read
 * back from the links' `?mention=`): the notifications are the record, so a restart never tells twice.
 */
async function alreadyNotified(db: Database, mentions: readonly NewMention[]): Promise<Set<string>> {
  if (mentions.length === 0) return new Set();
  const rows = await db
    .select({ userId: notifications.userId, link: notifications.link })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, [...new Set(mentions.map((m) => m.personId))]),
        // Mention ids are checked uuids (collab/mentions-shape.ts): nothing in them is a LIKE wildcard.
        or(
          ...[...new Set(mentions.map((m) => m.mentionId))].map((id) =>
            like(notifications.link, `%?${MENTION_PARAM}=${id}#%`),
          ),
        ),
      ),
    );
  return new Set(
    rows.map((r) => `${r.userId} ${mentionIdFromSearch(r.link.slice(r.link.indexOf("?")).split("#")[0])}`),
  );
}

/**
 * Tells each mentioned person, once: "Ada Member mentioned you in the Riverside inquiry", linking
 * to the mention. Access is checked again now with the permission module: a person who cannot
 * open the document is never told (whatever a client wrote), nor is the writer about themself. The
 * notifications themselves are the record of what was sent, so a restart never sends one twice.
 * Resolves with the mention ids settled (told now or before, or never to be told).
 */
export async function notifyMentions(
  deps: NotifyDeps,
  docName: string,
  mentions: readonly NewMention[],
): Promise<string[]> {
  const doc = parseDocumentName(docName);
  const place = doc && (await placeOf(deps.db, doc));
  if (!doc || !place) return mentions.map((m) => m.mentionId);
  const readers = new Map((await peopleWhoCanOpen(deps.db, doc, schoolYearOf(new Date()))).map((p) => [p.id, p.name]));
  const toTell = mentions.filter((m) => m.personId !== m.writerId && readers.has(m.personId));
  const writerIds = [...new Set(toTell.map((m) => m.writerId))];
  const [sent, writers] = await Promise.all([
    alreadyNotified(deps.db, toTell),
    writerIds.length
      ? deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, writerIds))
      : [],
  ]);
  const writerName = new Map(writers.map((w) => [w.id, w.name]));
  const nameOf = (id: string) => readers.get(id) ?? writerName.get(id) ?? "a former member";
  for (const m of toTell) {
    if (sent.has(`${m.personId} ${m.mentionId}`)) continue;
    await notify(deps, {
      userId: m.personId,
      title: `${writerName.get(m.writerId) ?? "Someone"} mentioned you in ${place.title}`,
      body: sectionWords(m.field, nameOf),
      link: linkToMention(place.path, m),
    });
    sent.add(`${m.personId} ${m.mentionId}`);
  }
  return mentions.map((m) => m.mentionId);
}
