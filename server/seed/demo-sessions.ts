import * as Y from "yjs";
import { fromLocalInput } from "../../app/kernel/dates";
import { documentName } from "../../collab/doc-names";
import { initSessionNotes, sessionNotesFragment } from "../../collab/documents/session-notes";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { createSession, listAttendance, recordAttendance } from "../../db/queries/sessions";
import type { AgendaItem } from "../../db/schema/sessions";
import type { DemoContext } from "./demo-context";

/** 14:00 London time, `days` from today (negative: in the past), so the demo is always part-way through. */
function at2pm(days: number): Date {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return fromLocalInput(`${day}T14:00`)!;
}

const item = (template: string, minutes: number, note = ""): AgendaItem => ({ template, minutes, note });

/** The shared notes of a session, as paragraphs (people type them in the editor). */
function notesUpdate(paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc();
  initSessionNotes(doc);
  const fragment = sessionNotesFragment(doc);
  doc.transact(() => {
    for (const text of paragraphs) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * The cohort's monthly sessions: two held (with agendas, attendance and notes on the first) and
 * the next one scheduled.
 */
export async function seedSessions(ctx: DemoContext) {
  const { db, cohortId } = ctx;
  const first = await createSession(db, cohortId, {
    title: "Getting started: trust and stories",
    startsAt: at2pm(-56),
    durationMinutes: 150,
    place: "Committee Room 2, Kingsmere Civic Centre",
    agenda: [
      item("check-in", 15, "One word for how your term has started"),
      item("story-circle", 50, "Groups of four, mixed primary and secondary"),
      item("what-i-needed", 25),
      item("reflection-and-commitments", 20),
    ],
  });
  const second = await createSession(db, cohortId, {
    title: "Root causes",
    startsAt: at2pm(-28),
    durationMinutes: 120,
    place: "https://meet.kingsmere.example.org/leaders-network",
    agenda: [
      item("check-in", 10),
      item("peer-assumption-check", 25),
      item("root-cause-sort", 40),
      item("dot-voting", 10),
      item("reflection-and-commitments", 15),
    ],
  });
  await createSession(db, cohortId, {
    title: "How might we…",
    startsAt: at2pm(28),
    durationMinutes: 120,
    place: "Committee Room 2, Kingsmere Civic Centre",
    agenda: [
      item("check-in", 10),
      item("hmw-drafting", 40, "Start from the top-voted causes"),
      item("consultancy-protocol", 45),
      item("reflection-and-commitments", 15),
    ],
  });
  // The register covers the cohort's leaders only. Most came; a couple sent apologies
  // (the 5th and 9th head the first time, the 12th the second).
  const leaderIds = new Set((await listAttendance(db, cohortId, first.id)).map((l) => l.userId));
  const heads = ctx.headIds.filter((id) => leaderIds.has(id));
  await recordAttendance(
    db,
    first.id,
    heads.map((userId, i) => ({ userId, present: i !== 4 && i !== 8 })),
  );
  await recordAttendance(
    db,
    second.id,
    heads.map((userId, i) => ({ userId, present: i !== 11 })),
  );
  await appendDocumentUpdate(
    db,
    documentName("session-notes", first.id),
    notesUpdate([
      "Trust: we agreed what stays in the room stays in the room, and that we meet on the second Wednesday of each month.",
      "Stories shared: attendance of Year 7 pupils with SEND, PTA funds going to trips few families can afford, parents' evenings half empty.",
      "Before next time: each of us tries one small change and shares it with a partner.",
    ]),
  );
}
