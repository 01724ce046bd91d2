/**
 * The attack matrix (issue 12's quality bar): every write rule × every role × every operation,
 * through the real server, with stock y-websocket clients signed in with real cookies whose Y.Doc
 * the test changes directly, as a modified client would. Each cell asserts what the server does:
 * accepted (a peer gets it, it is stored), refused (socket closed 4422 with a reason, counted,
 * no peer gets it, the server's copy is unchanged), dropped (a read-only connection: ignored,
 * socket left open), forbidden (the upgrade is refused with 403) or, for presence, stamped with
 * the session's person. At the end of each document, what the database holds is exactly what the
 * server showed, with none of the refused or dropped writers' changes in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { documentName, type DocumentKind } from "../../collab/doc-names";
import { currentGathering, gather, stopGathering } from "../../collab/documents/community-room";
import { addQuestion, hmwRules, listQuestions, toggleReaction } from "../../collab/documents/hmw";
import { addComment, commentAnchor, inquiryFields, listComments } from "../../collab/documents/inquiry";
import { addItem, listItems } from "../../collab/documents/playlist";
import {
  addCluster,
  addNote,
  boardRules,
  clustersMap,
  deleteCluster,
  listClusters,
  votesMap,
  listNotes,
  notesMap,
  setLocked,
  settingsMap,
  setVoteBudget,
} from "../../collab/documents/root-cause-board";
import { SESSION_NOTES_FIELD } from "../../collab/documents/session-notes";
import { castDot, openRound, revealRound, startRound, votingRoundRules } from "../../collab/documents/voting-rounds";
import { addCohortMembers, removeCohortMember } from "../../db/queries/cohort-members";
import { createCommunity } from "../../db/queries/communities";
import { silentLogger } from "../../app/kernel/logger";
import { parseEnv } from "../../app/utils/env.server";
import { startCommons, type RunningCommons } from "../../server/start";
import {
  appendParagraph,
  blockWith,
  clientsIn,
  copyOf,
  heardAfterWrite,
  marksAt,
  playedBy,
  roles,
  row,
  serverDoc,
  settle,
  type Honest,
  type Outcome,
  type People,
  type Person,
  type Role,
  type Row,
} from "../support/attack-matrix";
import { upgradeStatus, waitFor } from "../support/collab";
import { closeCode, collabUrl, makeCommunity, openRaw, presenceFrame, signIn } from "../support/collab-fixtures";
import { createCohortSessionForTest } from "../support/cohort-world";
import { testDatabases } from "../support/databases";
import { makeUser } from "../support/factories";
import {
  barrier,
  destroyAll,
  firstClose,
  refusedCount,
  storedDoc,
  synced,
  type Client,
} from "../support/write-rules-fixtures";

/* ---------- the reasons the writer is given ---------- */

const NOT_YOUR_SECTION = "Only the person this section belongs to, or a facilitator, can write in it.";
const NOT_YOUR_PAIR = "Only the two people in this peer check, or a facilitator, can write in it.";
const OWN_NAME = "Something can only be written in your own name.";
const UNKNOWN_PART = "This document has no such part, so the change was not kept.";
const EDITOR_MARKS = "Rich text can only use the editor's own formatting.";
const SETTINGS = "Only a facilitator can change the board's settings: the lock, the timer, the dots and the template.";
const LOCKED = "The facilitator has locked the board.";
const OWN_DOTS = "You can only place or take back your own dots.";

/* ---------- who may do what, by kind of document ---------- */

/** A community document (inquiry, board, HMW): members and facilitators write, a member's SIP reads, the removed are out. */
const community = (owner: Outcome, other: Outcome, facilitator: Outcome): Record<Role, Outcome> => ({
  owner,
  "other member": other,
  facilitator,
  SIP: "dropped",
  "removed member": "forbidden",
});
/** A community's playlist: only facilitators write; members and the SIP read. */
const curated = (facilitator: Outcome): Record<Role, Outcome> => ({
  owner: "dropped",
  "other member": "dropped",
  facilitator,
  SIP: "dropped",
  "removed member": "forbidden",
});
/** The community room: facilitators write, members read, a SIP has no part in it. */
const room = (facilitator: Outcome): Record<Role, Outcome> => ({
  owner: "dropped",
  "other member": "dropped",
  facilitator,
  SIP: "forbidden",
  "removed member": "forbidden",
});
/** A cohort session's notes: its leaders and facilitators write; nobody else opens them. */
const cohort = (owner: Outcome, other: Outcome, facilitator: Outcome): Record<Role, Outcome> => ({
  owner,
  "other member": other,
  facilitator,
  SIP: "forbidden",
  "removed member": "forbidden",
});
const all = (o: Outcome) => community(o, o, o);

/* ---------- rows ---------- */

/** Insert, delete and format on a rich-text root, each on a paragraph Ada wrote for the cell. */
function richTextRows(
  kind: DocumentKind,
  region: string,
  field: (p: People) => string,
  outcomes: Record<Role, Outcome>,
  why?: string,
): Row[] {
  const prepare = (h: Honest, token: string) => {
    appendParagraph(h.ada, field(h.people), `${token} the words Ada wrote`);
    return field(h.people);
  };
  const text = (doc: Y.Doc, root: string, token: string) => {
    const found = blockWith(doc, root, token);
    if (!found) throw new Error(`no paragraph holds ${token}`);
    return found.text;
  };
  return [
    row<string>({
      kind,
      region,
      operation: "insert text",
      prepare,
      attack: (doc, root, { token }) => text(doc, root, token).insert(0, `inserted-${token} `),
      applied: (doc, root, { token }) => blockWith(doc, root, `inserted-${token}`) !== null,
      expect: outcomes,
      why,
    }),
    row<string>({
      kind,
      region,
      operation: "delete text",
      prepare,
      attack: (doc, root, { token }) => text(doc, root, token).delete(0, token.length + 1),
      applied: (doc, root, { token }) => blockWith(doc, root, token) === null,
      expect: outcomes,
      why,
    }),
    row<string>({
      kind,
      region,
      operation: "format text",
      prepare,
      attack: (doc, root, { token }) => text(doc, root, token).format(0, token.length, { bold: {} }),
      applied: (doc, root, { token }) => "bold" in marksAt(doc, root, token),
      expect: outcomes,
      why,
    }),
  ];
}

/** A mark the editor does not have: refused to everyone (a reader's editor would loop deleting it). */
function foreignMarkRow(
  kind: DocumentKind,
  region: string,
  field: (p: People) => string,
  outcomes: Record<Role, Outcome>,
  why: Partial<Record<Role, string>>,
): Row {
  return row<string>({
    kind,
    region: `${region}, with a mark the editor does not have`,
    operation: "format text",
    prepare: (h, token) => {
      appendParagraph(h.ada, field(h.people), `${token} the words Ada wrote`);
      return field(h.people);
    },
    attack: (doc, root, { token }) => blockWith(doc, root, token)!.text.format(0, token.length, { script: {} }),
    applied: (doc, root, { token }) => "script" in marksAt(doc, root, token),
    expect: outcomes,
    why,
  });
}

/** A root the kind does not have: refused to everyone who may write at all. */
function unknownRootRow(kind: DocumentKind, outcomes: Record<Role, Outcome>): Row {
  return row<null>({
    kind,
    region: `a part the ${kind} does not have`,
    operation: "map set",
    attack: (doc, _t, { token }) => doc.getMap("attachments").set(token, "x".repeat(100)),
    applied: (doc, _t, { token }) => doc.share.has("attachments") && doc.getMap("attachments").has(token),
    expect: outcomes,
    why: UNKNOWN_PART,
  });
}

/** Presence is per connection, the same on every kind: stamped where the person may open the document. */
function presenceRows(kind: DocumentKind, access: Record<Role, Outcome>): Row[] {
  const when = (o: Outcome): Record<Role, Outcome> =>
    Object.fromEntries(roles.map((r) => [r, access[r] === "forbidden" ? "forbidden" : o])) as Record<Role, Outcome>;
  const none = () => false;
  return [
    row<null>({
      kind,
      region: "presence",
      operation: "presence as another person",
      attack: none,
      applied: none,
      expect: when("stamped"),
    }),
    row<null>({
      kind,
      region: "presence",
      operation: "presence under another connection's client id",
      attack: none,
      applied: none,
      expect: when("dropped"),
    }),
  ];
}

const storyOf = (p: People) => inquiryFields.story(p.ada.id);
const commentOn = (h: Honest, token: string) => {
  const field = storyOf(h.people);
  appendParagraph(h.ada, field, `${token} a passage`);
  return addComment(h.ada, {
    field,
    authorId: h.people.ada.id,
    authorName: h.people.ada.name,
    text: `${token} Ada's comment`,
    anchor: commentAnchor(h.ada, field, 0, 3)!,
    quote: token,
  });
};
const commentIn = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("comments").get(id);

const inquiryRows: Row[] = [
  ...richTextRows("inquiry", "Ada's story", storyOf, community("accepted", "refused", "accepted"), NOT_YOUR_SECTION),
  foreignMarkRow("inquiry", "Ada's story", storyOf, community("refused", "refused", "refused"), {
    owner: EDITOR_MARKS,
    "other member": NOT_YOUR_SECTION,
    facilitator: EDITOR_MARKS,
  }),
  row<string>({
    kind: "inquiry",
    region: "a heading's level in Ada's story",
    operation: "map set",
    prepare: (h, token) => {
      const heading = new Y.XmlElement("heading");
      heading.setAttribute("level", 2 as unknown as string);
      heading.insert(0, [new Y.XmlText(`${token} a heading`)]);
      h.ada.getXmlFragment(storyOf(h.people)).push([heading]);
      return storyOf(h.people);
    },
    attack: (doc, root, { token }) => blockWith(doc, root, token)!.block.setAttribute("level", 3 as unknown as string),
    applied: (doc, root, { token }) => (blockWith(doc, root, token)?.block.getAttribute("level") as unknown) === 3,
    expect: community("accepted", "refused", "accepted"),
    why: NOT_YOUR_SECTION,
  }),
  ...richTextRows(
    "inquiry",
    "Ada's what I needed",
    (p) => inquiryFields.needed(p.ada.id),
    community("accepted", "refused", "accepted"),
    NOT_YOUR_SECTION,
  ),
  ...richTextRows(
    "inquiry",
    "the pair's peer check",
    (p) => inquiryFields.peerCheck(p.ada.id, p.ben.id),
    all("accepted"),
  ),
  ...richTextRows(
    "inquiry",
    "Ada's peer check with someone else",
    (p) => inquiryFields.peerCheck(p.ada.id, p.otto.id),
    community("accepted", "refused", "accepted"),
    NOT_YOUR_PAIR,
  ),
  row<string>({
    kind: "inquiry",
    region: "the words of a comment by Ada",
    operation: "map set",
    prepare: commentOn,
    attack: (doc, id, { token }) => commentIn(doc, id)!.set("text", `${token} reworded`),
    applied: (doc, id, { token }) => commentIn(doc, id)?.get("text") === `${token} reworded`,
    expect: community("accepted", "refused", "refused"),
    why: "Only the person who wrote a comment can change its words.",
  }),
  row<string>({
    kind: "inquiry",
    region: "the resolved flag of a comment by Ada",
    operation: "map set",
    prepare: commentOn,
    attack: (doc, id) => commentIn(doc, id)!.set("resolved", true),
    applied: (doc, id) => commentIn(doc, id)?.get("resolved") === true,
    expect: all("accepted"),
  }),
  row<string>({
    kind: "inquiry",
    region: "the author of a comment by Ada",
    operation: "map set",
    prepare: commentOn,
    attack: (doc, id, { people, writer }) =>
      commentIn(doc, id)!.set("authorId", writer === "ada" ? people.ben.id : people[writer].id),
    applied: (doc, id, { people }) => commentIn(doc, id)?.get("authorId") !== people.ada.id,
    expect: all("refused"),
    why: "A comment's author, place and time cannot be changed.",
  }),
  row<string>({
    kind: "inquiry",
    region: "a comment by Ada",
    operation: "map delete",
    prepare: commentOn,
    attack: (doc, id) => doc.getMap("comments").delete(id),
    applied: (doc, id) => !doc.getMap("comments").has(id),
    expect: community("accepted", "refused", "refused"),
    why: "Only the person who wrote a comment can delete it.",
  }),
  row<string>({
    kind: "inquiry",
    region: "a comment in Ada's name",
    operation: "map set",
    prepare: (h, token) => {
      appendParagraph(h.ada, storyOf(h.people), `${token} a passage`);
      return storyOf(h.people);
    },
    attack: (doc, field, { people, token }) =>
      addComment(doc, {
        field,
        authorId: people.ada.id,
        authorName: people.ada.name,
        text: `${token} in Ada's name`,
        anchor: commentAnchor(doc, field, 0, 3)!,
        quote: token,
      }),
    applied: (doc, field, { token }) => listComments(doc, field).some((c) => c.text === `${token} in Ada's name`),
    expect: community("accepted", "refused", "refused"),
    why: OWN_NAME,
  }),
  row<null>({
    kind: "inquiry",
    region: "the inquiry's schema version",
    operation: "map set",
    attack: (doc) => doc.getMap("meta").set("schemaVersion", 99),
    applied: (doc) => doc.getMap("meta").get("schemaVersion") === 99,
    expect: all("refused"),
    why: "The document's version cannot be changed.",
  }),
  unknownRootRow("inquiry", all("refused")),
  ...presenceRows("inquiry", all("accepted")),
];

/* The board: a fresh note of Ada's per cell; rounds started by Fay. */
const adaNote = (h: Honest, token: string) =>
  addNote(h.ada, { text: `${token} timetable clashes`, authorId: h.people.ada.id, authorName: h.people.ada.name });
const noteIn = (doc: Y.Doc, id: string) => notesMap(doc).get(id);
const roundDots = (doc: Y.Doc) => doc.getMap<number>("roundDots");
/** A round of 3 dots per person started by Fay (revealing any still open), and a note of Ada's to put dots on. */
const roundAndNote = (h: Honest, token: string) => {
  const open = openRound(h.fay);
  if (open) revealRound(h.fay, open.id);
  const round = startRound(h.fay, { dotsPerPerson: 3, minutes: null, startedBy: h.people.fay.id });
  return { round, note: adaNote(h, token) };
};
const unlock = (h: Honest) => setLocked(h.fay, false);
/**
 * Sets up as `prepare` does, then Fay locks the board once the set-up has reached the server (a
 * note of Ada's arriving after the lock would be refused, as it is for a page that was offline).
 */
const lockedAfter =
  <T>(prepare: (h: Honest, token: string) => T) =>
  async (h: Honest, token: string) => {
    const target = prepare(h, token);
    await h.settle();
    setLocked(h.fay, true);
    return target;
  };
/** A time within the page's limits that, plus a cell's number, marks that cell's change. */
const IN_AN_HOUR = Date.now() + 3_600_000;
const unlocked = (h: Honest) => {
  unlock(h);
  return null;
};

const boardRows: Row[] = [
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note text",
    operation: "map set",
    prepare: adaNote,
    attack: (doc, id, { token }) => noteIn(doc, id)!.set("text", `${token} rewritten`),
    applied: (doc, id, { token }) => noteIn(doc, id)?.get("text") === `${token} rewritten`,
    expect: community("accepted", "refused", "accepted"),
    why: boardRules.editNote.says,
  }),
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note",
    operation: "map delete",
    prepare: adaNote,
    attack: (doc, id) => notesMap(doc).delete(id),
    applied: (doc, id) => !notesMap(doc).has(id),
    expect: community("accepted", "refused", "accepted"),
    why: boardRules.deleteNote.says,
  }),
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note category",
    operation: "map set",
    prepare: adaNote,
    attack: (doc, id) => noteIn(doc, id)!.set("category", "knowledge"),
    applied: (doc, id) => noteIn(doc, id)?.get("category") === "knowledge",
    expect: all("accepted"),
  }),
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note author",
    operation: "map set",
    prepare: adaNote,
    attack: (doc, id, { people, writer }) =>
      noteIn(doc, id)!.set("authorId", writer === "ada" ? people.ben.id : people[writer].id),
    applied: (doc, id, { people }) => noteIn(doc, id)?.get("authorId") !== people.ada.id,
    expect: all("refused"),
    why: "A note's author and time cannot be changed.",
  }),
  row<null>({
    kind: "root-cause-board",
    region: "a board note in Ada's name",
    operation: "map set",
    attack: (doc, _t, { people, token }) => {
      const note = new Y.Map<unknown>();
      doc.transact(() => {
        const fields = { id: token, text: `${token} forged`, authorId: people.ada.id, authorName: people.ada.name };
        for (const [k, v] of Object.entries({ ...fields, createdAt: Date.now(), category: "unsorted", order: 99 }))
          note.set(k, v);
        notesMap(doc).set(token, note);
      });
    },
    applied: (doc, _t, { token }) => listNotes(doc).some((n) => n.text === `${token} forged`),
    expect: community("accepted", "refused", "refused"),
    why: OWN_NAME,
  }),
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note text while the board is locked",
    operation: "map set",
    prepare: lockedAfter(adaNote),
    attack: (doc, id, { token }) => noteIn(doc, id)!.set("text", `${token} rewritten`),
    applied: (doc, id, { token }) => noteIn(doc, id)?.get("text") === `${token} rewritten`,
    after: unlock,
    expect: community("refused", "refused", "accepted"),
    why: LOCKED,
  }),
  row<string>({
    kind: "root-cause-board",
    region: "Ada's board note category while the board is locked",
    operation: "map set",
    prepare: lockedAfter(adaNote),
    attack: (doc, id) => noteIn(doc, id)!.set("category", "skills"),
    applied: (doc, id) => noteIn(doc, id)?.get("category") === "skills",
    after: unlock,
    expect: community("refused", "refused", "accepted"),
    why: LOCKED,
  }),
  row<{ round: string; note: string }>({
    kind: "root-cause-board",
    region: "the writer's own round dot while the board is locked",
    operation: "map set",
    prepare: lockedAfter(roundAndNote),
    attack: (doc, t, { people, writer }) => roundDots(doc).set(`${t.round}|${t.note}|${people[writer].id}`, 1),
    applied: (doc, t, { people, writer }) => roundDots(doc).get(`${t.round}|${t.note}|${people[writer].id}`) === 1,
    after: unlock,
    expect: all("accepted"),
  }),
  row<null>({
    kind: "root-cause-board",
    region: "a group of notes",
    operation: "map set",
    attack: (doc, _t, { token }) => void addCluster(doc, { name: `${token} timetabling`, category: "knowledge" }),
    applied: (doc, _t, { token }) => listClusters(doc).some((c) => c.name === `${token} timetabling`),
    expect: all("accepted"),
  }),
  row<string>({
    kind: "root-cause-board",
    region: "a group of notes Ada made",
    operation: "map delete",
    prepare: (h, token) => addCluster(h.ada, { name: `${token} timetabling`, category: "knowledge" }),
    attack: (doc, id) => deleteCluster(doc, id),
    applied: (doc, id) => !clustersMap(doc).has(id),
    expect: all("accepted"),
  }),
  row<string>({
    kind: "root-cause-board",
    region: "the writer's own always-open dots from before voting rounds",
    operation: "map set",
    prepare: adaNote,
    attack: (doc, id, { people, writer }) => votesMap(doc).set(`${id}|${people[writer].id}`, 1),
    applied: (doc, id, { people, writer }) => votesMap(doc).has(`${id}|${people[writer].id}`),
    expect: all("refused"),
    why: "Dots are placed in a voting round the facilitator starts.",
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.locked",
    operation: "map set",
    prepare: unlocked,
    attack: (doc) => settingsMap(doc).set("locked", true),
    applied: (doc) => settingsMap(doc).get("locked") === true,
    after: unlock,
    expect: community("refused", "refused", "accepted"),
    why: SETTINGS,
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.locked",
    operation: "map delete",
    prepare: unlocked,
    attack: (doc) => settingsMap(doc).delete("locked"),
    applied: (doc) => !settingsMap(doc).has("locked"),
    after: unlock,
    expect: all("refused"),
    why: { owner: SETTINGS, "other member": SETTINGS, facilitator: "A setting is changed, not removed." },
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.voteBudget",
    operation: "map set",
    prepare: (h) => {
      setVoteBudget(h.fay, 3);
      return null;
    },
    attack: (doc) => settingsMap(doc).set("voteBudget", 7),
    applied: (doc) => settingsMap(doc).get("voteBudget") === 7,
    expect: community("refused", "refused", "accepted"),
    why: SETTINGS,
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.voteBudget past the page's 20",
    operation: "map set",
    attack: (doc) => settingsMap(doc).set("voteBudget", 999),
    applied: (doc) => settingsMap(doc).get("voteBudget") === 999,
    expect: all("refused"),
    why: { owner: SETTINGS, "other member": SETTINGS, facilitator: "Dots per person must be between 0 and 20." },
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.timerEndsAt",
    operation: "map set",
    attack: (doc, _t, { cell }) => settingsMap(doc).set("timerEndsAt", IN_AN_HOUR + cell),
    applied: (doc, _t, { cell }) => settingsMap(doc).get("timerEndsAt") === IN_AN_HOUR + cell,
    expect: community("refused", "refused", "accepted"),
    why: SETTINGS,
  }),
  row<null>({
    kind: "root-cause-board",
    region: "board settings.template",
    operation: "map set",
    prepare: (h) => {
      settingsMap(h.fay).set("template", "categories");
      return null;
    },
    attack: (doc) => settingsMap(doc).set("template", "fishbone"),
    applied: (doc) => settingsMap(doc).get("template") === "fishbone",
    expect: community("refused", "refused", "accepted"),
    why: SETTINGS,
  }),
  row<null>({
    kind: "root-cause-board",
    region: "a key board settings do not have",
    operation: "map set",
    attack: (doc, _t, { token }) => settingsMap(doc).set(token, true),
    applied: (doc, _t, { token }) => settingsMap(doc).has(token),
    expect: all("refused"),
    why: { owner: SETTINGS, "other member": SETTINGS, facilitator: UNKNOWN_PART },
  }),
  row<null>({
    kind: "root-cause-board",
    region: "a new voting round",
    operation: "map set",
    prepare: (h) => {
      const open = openRound(h.fay);
      if (open) revealRound(h.fay, open.id);
      return null;
    },
    attack: (doc, _t, { people, writer, cell }) =>
      void startRound(doc, { dotsPerPerson: 3, minutes: null, startedBy: people[writer].id }, IN_AN_HOUR + cell),
    applied: (doc, _t, { cell }) =>
      [...doc.getMap<Y.Map<unknown>>("rounds").values()].some((r) => r.get("startedAt") === IN_AN_HOUR + cell),
    expect: community("refused", "refused", "accepted"),
    why: votingRoundRules.start.says,
  }),
  row<{ round: string; note: string }>({
    kind: "root-cause-board",
    region: "a voting round's reveal",
    operation: "map set",
    prepare: roundAndNote,
    attack: (doc, t) => revealRound(doc, t.round),
    applied: (doc, t) => doc.getMap<Y.Map<unknown>>("rounds").get(t.round)?.get("revealedAt") != null,
    expect: community("refused", "refused", "accepted"),
    why: votingRoundRules.start.says,
  }),
  row<{ round: string; note: string }>({
    kind: "root-cause-board",
    region: "round dots under Ada's key",
    operation: "map set",
    prepare: roundAndNote,
    attack: (doc, t, { people }) => roundDots(doc).set(`${t.round}|${t.note}|${people.ada.id}`, 1),
    applied: (doc, t, { people }) => roundDots(doc).get(`${t.round}|${t.note}|${people.ada.id}`) === 1,
    expect: community("accepted", "refused", "refused"),
    why: OWN_DOTS,
  }),
  row<{ round: string; note: string }>({
    kind: "root-cause-board",
    region: "round dots under Ada's key",
    operation: "map delete",
    prepare: async (h, token) => {
      const t = roundAndNote(h, token);
      // Ada's page places her dot once Fay's round has reached it.
      await h.settle();
      expect(castDot(h.ada, t.round, t.note, h.people.ada.id), "Ada's honest dot").toBe(true);
      return t;
    },
    attack: (doc, t, { people }) => roundDots(doc).delete(`${t.round}|${t.note}|${people.ada.id}`),
    applied: (doc, t, { people }) => !roundDots(doc).has(`${t.round}|${t.note}|${people.ada.id}`),
    expect: community("accepted", "refused", "refused"),
    why: OWN_DOTS,
  }),
  row<{ round: string; note: string }>({
    kind: "root-cause-board",
    region: "the writer's own round dots past the round's 3",
    operation: "map set",
    prepare: roundAndNote,
    attack: (doc, t, { people, writer }) => roundDots(doc).set(`${t.round}|${t.note}|${people[writer].id}`, 4),
    applied: (doc, t, { people, writer }) => roundDots(doc).has(`${t.round}|${t.note}|${people[writer].id}`),
    expect: all("refused"),
    why: "You have 3 dots in this round, and they are all placed.",
  }),
  unknownRootRow("root-cause-board", all("refused")),
  ...presenceRows("root-cause-board", all("accepted")),
];

/* HMW: a fresh question of Ada's per cell. */
const adaQuestion = (h: Honest, token: string) =>
  addQuestion(h.ada, {
    text: `${token} how might we widen the circle?`,
    authorId: h.people.ada.id,
    authorName: h.people.ada.name,
  });
const questionIn = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("questions").get(id);
const reactions = (doc: Y.Doc) => doc.getMap<true>("reactions");

const hmwRows: Row[] = [
  row<string>({
    kind: "hmw",
    region: "HMW chosen status",
    operation: "map set",
    prepare: adaQuestion,
    attack: (doc, id) =>
      doc.transact(() => {
        questionIn(doc, id)!.set("status", "chosen");
        questionIn(doc, id)!.set("chosenAt", Date.now());
      }),
    applied: (doc, id) => questionIn(doc, id)?.get("status") === "chosen",
    expect: community("refused", "refused", "accepted"),
    why: hmwRules.choose.says,
  }),
  row<string>({
    kind: "hmw",
    region: "the words of Ada's question",
    operation: "map set",
    prepare: adaQuestion,
    attack: (doc, id, { token }) => questionIn(doc, id)!.set("text", `${token} how might we listen better?`),
    applied: (doc, id, { token }) => questionIn(doc, id)?.get("text") === `${token} how might we listen better?`,
    expect: all("accepted"),
  }),
  row<null>({
    kind: "hmw",
    region: "a question in Ada's name",
    operation: "map set",
    attack: (doc, _t, { people, token }) =>
      addQuestion(doc, {
        text: `${token} in Ada's name, how might we?`,
        authorId: people.ada.id,
        authorName: people.ada.name,
      }),
    applied: (doc, _t, { token }) => listQuestions(doc).some((q) => q.text === `${token} in Ada's name, how might we?`),
    expect: community("accepted", "refused", "refused"),
    why: OWN_NAME,
  }),
  row<string>({
    kind: "hmw",
    region: "Ada's question",
    operation: "map delete",
    prepare: adaQuestion,
    attack: (doc, id) => doc.getMap("questions").delete(id),
    applied: (doc, id) => !doc.getMap("questions").has(id),
    expect: all("refused"),
    why: "A question is kept once drafted.",
  }),
  row<string>({
    kind: "hmw",
    region: "a reaction under Ada's key",
    operation: "map set",
    prepare: adaQuestion,
    attack: (doc, id, { people }) => toggleReaction(doc, id, "agree", people.ada.id),
    applied: (doc, id, { people }) => reactions(doc).has(`${id}|agree|${people.ada.id}`),
    expect: community("accepted", "refused", "refused"),
    why: "You can only add or take back your own reactions.",
  }),
  row<string>({
    kind: "hmw",
    region: "a reaction under Ada's key",
    operation: "map delete",
    prepare: (h, token) => {
      const id = adaQuestion(h, token);
      toggleReaction(h.ada, id, "agree", h.people.ada.id);
      return id;
    },
    attack: (doc, id, { people }) => reactions(doc).delete(`${id}|agree|${people.ada.id}`),
    applied: (doc, id, { people }) => !reactions(doc).has(`${id}|agree|${people.ada.id}`),
    expect: community("accepted", "refused", "refused"),
    why: "You can only add or take back your own reactions.",
  }),
  unknownRootRow("hmw", all("refused")),
  ...presenceRows("hmw", all("accepted")),
];

/* The community's playlist: a fresh item of Fay's per cell. */
const WEB_ADDRESS = "Only web addresses starting with https:// or http:// can be added.";
const faysItem = (h: Honest, token: string) =>
  addItem(h.fay, {
    title: `${token} reading`,
    url: "https://example.org/read",
    type: "reading",
    minutes: 10,
    why: "",
    addedBy: h.people.fay.name,
  });
const itemIn = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("items").get(id);

const playlistRows: Row[] = [
  row<string>({
    kind: "playlist",
    region: "playlist item url",
    operation: "map set",
    prepare: faysItem,
    attack: (doc, id, { token }) => itemIn(doc, id)!.set("url", `https://example.org/${token}`),
    applied: (doc, id, { token }) => itemIn(doc, id)?.get("url") === `https://example.org/${token}`,
    expect: curated("accepted"),
  }),
  row<string>({
    kind: "playlist",
    region: "playlist item url, as a javascript: link",
    operation: "map set",
    prepare: faysItem,
    attack: (doc, id) => itemIn(doc, id)!.set("url", "javascript:alert(document.cookie)"),
    applied: (doc, id) => String(itemIn(doc, id)?.get("url")).startsWith("javascript:"),
    expect: curated("refused"),
    why: WEB_ADDRESS,
  }),
  row<string>({
    kind: "playlist",
    region: "playlist item url",
    operation: "map delete",
    prepare: faysItem,
    attack: (doc, id) => itemIn(doc, id)!.delete("url"),
    applied: (doc, id) => itemIn(doc, id)?.has("url") === false,
    expect: curated("refused"),
    why: "A resource keeps its details.",
  }),
  row<string>({
    kind: "playlist",
    region: "a playlist item",
    operation: "map delete",
    prepare: faysItem,
    attack: (doc, id) => doc.getMap("items").delete(id),
    applied: (doc, id) => !doc.getMap("items").has(id),
    expect: curated("accepted"),
  }),
  row<null>({
    kind: "playlist",
    region: "a new playlist item",
    operation: "map set",
    attack: (doc, _t, { token }) =>
      addItem(doc, {
        title: `${token} new`,
        url: "https://example.org/new",
        type: "tool",
        minutes: 5,
        why: "",
        addedBy: "",
      }),
    applied: (doc, _t, { token }) => listItems(doc).some((i) => i.title === `${token} new`),
    expect: curated("accepted"),
  }),
  unknownRootRow("playlist", curated("refused")),
  ...presenceRows("playlist", curated("accepted")),
];

/* The community room: one gathering at a time, each cell's under its own step. */
const roomRows: Row[] = [
  row<null>({
    kind: "community-room",
    region: "community room gathering",
    operation: "map set",
    attack: (doc, _t, { people, writer, token }) => void gather(doc, { step: token, section: null }, people[writer]),
    applied: (doc, _t, { token }) => currentGathering(doc)?.step === token,
    expect: room("accepted"),
  }),
  row<null>({
    kind: "community-room",
    region: "community room gathering, in Ada's name",
    operation: "map set",
    attack: (doc, _t, { people, token }) => void gather(doc, { step: token, section: null }, people.ada),
    applied: (doc, _t, { token }) => currentGathering(doc)?.step === token,
    expect: room("refused"),
    why: "A gathering can only be called in your own name.",
  }),
  row<null>({
    kind: "community-room",
    region: "community room gathering",
    operation: "map delete",
    prepare: (h, token) => {
      gather(h.fay, { step: token, section: null }, h.people.fay);
      return null;
    },
    attack: (doc) => stopGathering(doc),
    applied: (doc) => currentGathering(doc) === null,
    expect: room("accepted"),
  }),
  unknownRootRow("community-room", room("refused")),
  ...presenceRows("community-room", room("accepted")),
];

const notesField = () => SESSION_NOTES_FIELD;
const sessionNotesRows: Row[] = [
  ...richTextRows("session-notes", "session notes", notesField, cohort("accepted", "accepted", "accepted")),
  foreignMarkRow("session-notes", "session notes", notesField, cohort("refused", "refused", "refused"), {
    owner: EDITOR_MARKS,
    "other member": EDITOR_MARKS,
    facilitator: EDITOR_MARKS,
  }),
  unknownRootRow("session-notes", cohort("refused", "refused", "refused")),
  ...presenceRows("session-notes", cohort("accepted", "accepted", "accepted")),
];

const matrix: Array<{ kind: DocumentKind; rows: Row[] }> = [
  { kind: "inquiry", rows: inquiryRows },
  { kind: "root-cause-board", rows: boardRows },
  { kind: "hmw", rows: hmwRows },
  { kind: "playlist", rows: playlistRows },
  { kind: "community-room", rows: roomRows },
  { kind: "session-notes", rows: sessionNotesRows },
];

/* ---------- the run ---------- */

describe.each(await testDatabases())("the attack matrix on $name", (database) => {
  let app: RunningCommons;
  const people = {} as People;
  const cookie = {} as Record<Person, string>;
  let communityId = "";
  let sessionId = "";
  /** Whether Rita could open the community's inquiry and the session notes before her removal (so her 403s are its doing). */
  const ritaBeforeRemoval: number[] = [];
  let cells = 0;
  const warnings: Array<{ msg: string; fields?: Record<string, unknown> }> = [];

  const headers = (who: Person) => ({ Cookie: cookie[who], Origin: app.url });
  const docNameOf = (kind: DocumentKind) => documentName(kind, kind === "session-notes" ? sessionId : communityId);

  beforeAll(async () => {
    // As startTestApp, with a logger that keeps the warnings (each refusal is logged).
    app = await startCommons({
      env: parseEnv({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent" }),
      logger: { ...silentLogger, warn: (msg, fields) => warnings.push({ msg, fields }) },
      database: await database.open(),
      collab: { unloadGraceMs: 50 },
    });
    const db = app.services.db;
    const fx = await makeCommunity(db);
    const fay = await makeUser(db, fx.authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" });
    await addCohortMembers(db, fx.cohort.id, [fay.id], "facilitator");
    const rita = await makeUser(db, fx.authority.id, [{ role: "school_leader", schoolId: fx.schools[2].id }], {
      name: "Rita Removed",
    });
    await addCohortMembers(db, fx.cohort.id, [rita.id], "leader");
    communityId = (
      await createCommunity(db, {
        cohortId: fx.cohort.id,
        name: "Matrix",
        memberIds: [fx.users.a.id, fx.users.b.id, rita.id],
      })
    ).id;
    sessionId = await createCohortSessionForTest(db, fx.cohort.id);
    const { a, b, sip, outsider } = fx.users;
    Object.assign(people, {
      ada: { id: a.id, name: a.name },
      ben: { id: b.id, name: b.name },
      fay: { id: fay.id, name: fay.name },
      sam: { id: sip.id, name: sip.name },
      rita: { id: rita.id, name: rita.name },
      otto: { id: outsider.id, name: outsider.name },
    });
    for (const [who, user] of Object.entries({ ada: a, ben: b, fay, sam: sip, rita }))
      cookie[who as Person] = await signIn(app.url, user.email);
    for (const kind of ["inquiry", "session-notes"] as const)
      ritaBeforeRemoval.push(await upgradeStatus(collabUrl(app.url, docNameOf(kind)), headers("rita")));
    // Removed as the cohort page removes a leader: out of the cohort, its communities and its pairs.
    await removeCohortMember(db, fx.cohort.id, rita.id, "leader");
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lets Rita open the community's inquiry and the cohort's session notes before she is removed", () => {
    expect(ritaBeforeRemoval).toEqual([101, 101]);
  });

  describe.each(matrix)("$kind", ({ kind, rows }) => {
    let watcher: Client;
    let via: Client;
    let honest: Honest;
    /** Client ids of attackers whose changes must never be stored, and of those whose must be. */
    const notKept: number[] = [];
    const kept: number[] = [];
    const name = () => docNameOf(kind);

    beforeAll(async () => {
      // Ada's page watches (and writes, where she may); Fay's page writes and proves the watcher heard everything.
      watcher = await synced(app, name(), cookie.ada);
      via = await synced(app, name(), cookie.fay);
      const honestDocs = [watcher.doc, via.doc];
      honest = {
        ada: watcher.doc,
        fay: via.doc,
        people,
        settle: () =>
          settle(app, name(), honestDocs, honestDocs).catch((error: Error) => {
            const closes = [...watcher.closeEvents, ...via.closeEvents];
            throw new Error(`${error.message} (the honest pages' closes: ${JSON.stringify(closes)})`);
          }),
      };
    });
    afterAll(() => destroyAll(watcher, via));

    /** A stock client of `who`, synced; a failure to connect says which cell expected it to. */
    async function connect(who: Person, expectation: string): Promise<Client> {
      const status = await upgradeStatus(collabUrl(app.url, name()), headers(who));
      expect(status, `${expectation}, but the connection was refused with ${status}`).toBe(101);
      return synced(app, name(), cookie[who]);
    }

    async function presenceCell(r: Row, role: Role, who: Person, label: string) {
      // Presence is never refused whole here: spoofed names are stamped over, others' client ids dropped.
      const expected = r.operation === "presence as another person" ? "stamped" : "dropped";
      expect(r.expect[role], `${label}: the matrix can only expect ${expected}`).toBe(expected);
      const token = `k${++cells}k`;
      if (r.operation === "presence as another person") {
        const victim = who === "ada" ? people.ben : people.ada;
        const attacker = await connect(who, `${label}: expected stamped`);
        try {
          attacker.provider.awareness.setLocalStateField("user", { ...victim, color: token });
          await waitFor(
            () => watcher.provider.awareness.getStates().get(attacker.doc.clientID)?.user?.color === token,
            `${label}: the presence at the watcher`,
          );
          expect(
            watcher.provider.awareness.getStates().get(attacker.doc.clientID)?.user,
            `${label}: expected stamped`,
          ).toEqual({
            ...people[who],
            color: token,
          });
          expect(attacker.closeEvents, `${label}: the socket stays open`).toEqual([]);
        } finally {
          attacker.provider.destroy();
        }
        return;
      }
      // Presence under the id of Fay's connection, then under an id of its own: the second arriving proves the first was handled.
      const status = await upgradeStatus(collabUrl(app.url, name()), headers(who));
      expect(status, `${label}: expected dropped, but the connection was refused with ${status}`).toBe(101);
      const raw = await openRaw(collabUrl(app.url, name()), headers(who));
      try {
        const fays = via.doc.clientID;
        raw.send(presenceFrame(fays, { user: { id: people.ada.id, name: "Hacked" }, hacked: token }));
        const own = 2_000_000_000 + cells;
        raw.send(presenceFrame(own, { marker: token }));
        await waitFor(
          () => watcher.provider.awareness.getStates().get(own)?.marker === token,
          `${label}: the connection's own presence at the watcher`,
        );
        expect(watcher.provider.awareness.getStates().get(fays)?.hacked, `${label}: expected dropped`).toBeUndefined();
        expect(await closeCode(raw, 100), `${label}: the socket stays open`).toBe(-1);
      } finally {
        raw.ws.close();
      }
    }

    async function cell(r: Row, role: Role) {
      const outcome = r.expect[role];
      const who = playedBy[role];
      const label = `${role} ${r.operation} on ${r.region}`;
      if (outcome === "forbidden") {
        const status = await upgradeStatus(collabUrl(app.url, name()), headers(who));
        expect(status, `${label}: expected forbidden (403)`).toBe(403);
        return;
      }
      if (r.operation.startsWith("presence")) return presenceCell(r, role, who, label);

      const cell = ++cells;
      const token = `k${cell}k`;
      const ctx = { writer: who, people, cell, token };
      const target = await r.prepare?.(honest, token);
      await honest.settle();
      const before = Y.snapshot(serverDoc(app, name()));
      const refusedBefore = refusedCount(app, kind);
      const attacker = await connect(who, `${label}: expected ${outcome}`);
      try {
        r.attack(attacker.doc, target, ctx);
        if (outcome === "refused") {
          const close = await firstClose(attacker);
          expect(close?.code, `${label}: expected refused (closed with 4422), got ${JSON.stringify(close)}`).toBe(
            CloseCodes.refused,
          );
          const why = typeof r.why === "string" ? r.why : r.why?.[role];
          if (why) expect(close!.reason, `${label}: the reason given`).toBe(why);
          else expect(close!.reason, `${label}: a reason in words`).toMatch(/^[A-Z].+\.$/);
          expect(refusedCount(app, kind), `${label}: the refusal is counted`).toBe(refusedBefore + 1);
          expect(warnings.at(-1), `${label}: the refusal is logged`).toEqual({
            msg: "collab change refused",
            fields: expect.objectContaining({ userId: people[who].id, docName: name(), why: close!.reason }),
          });
          // Everything the server sent before now has reached the watcher: had the change been broadcast, it is there.
          await barrier(via, watcher);
        } else {
          // The attacker's own presence after its write: once the watcher hears it, the write was handled (and broadcast if kept).
          await heardAfterWrite(attacker, watcher);
          expect(attacker.closeEvents, `${label}: expected ${outcome}, but the socket was closed`).toEqual([]);
          expect(refusedCount(app, kind), `${label}: expected ${outcome}, not refused`).toBe(refusedBefore);
        }
        const atWatcher = r.applied(copyOf(watcher.doc), target, ctx);
        const atServer = r.applied(copyOf(serverDoc(app, name())), target, ctx);
        const wrote = clientsIn(attacker.doc).has(attacker.doc.clientID);
        // Anything but a deletion adds content under the attacker's client id: proof the attack produced a change at all.
        if (!r.operation.endsWith("delete") && r.operation !== "delete text")
          expect(wrote, `${label}: the attack changed nothing`).toBe(true);
        if (outcome === "accepted") {
          expect(atWatcher, `${label}: expected accepted, but the watcher did not get it`).toBe(true);
          expect(atServer, `${label}: expected accepted, but the server's copy lacks it`).toBe(true);
          if (wrote) kept.push(attacker.doc.clientID);
        } else {
          expect(atWatcher, `${label}: expected ${outcome}, but the watcher got it`).toBe(false);
          expect(atServer, `${label}: expected ${outcome}, but the server's copy has it`).toBe(false);
          expect(
            Y.equalSnapshots(before, Y.snapshot(serverDoc(app, name()))),
            `${label}: expected ${outcome}, but the server's copy changed`,
          ).toBe(true);
          if (wrote) notKept.push(attacker.doc.clientID);
        }
      } finally {
        attacker.provider.destroy();
        if (r.after) {
          r.after(honest, target);
          await honest.settle();
        }
      }
    }

    for (const r of rows)
      for (const role of roles)
        it(`${role} ${r.operation} on ${r.region}: expected ${r.expect[role]}`, () => cell(r, role));

    it(`stores exactly what the server showed of the ${kind}, with no refused or dropped change in it`, async () => {
      await honest.settle();
      const shown = Y.snapshot(serverDoc(app, name()));
      // The honest pages' own set-up, through the kind's functions, was never refused.
      expect([...watcher.closeEvents, ...via.closeEvents], "the honest pages' closes").toEqual([]);
      destroyAll(watcher, via);
      const stored = await storedDoc(app, name());
      expect(Y.equalSnapshots(Y.snapshot(stored), shown), "the stored document is the one the server showed").toBe(
        true,
      );
      const writers = clientsIn(stored);
      expect(
        notKept.filter((id) => writers.has(id)),
        "refused or dropped writers in the database",
      ).toEqual([]);
      expect(
        kept.filter((id) => !writers.has(id)),
        "accepted writers missing from the database",
      ).toEqual([]);
      expect(notKept.length + kept.length, "cells that wrote something").toBeGreaterThan(0);
    });
  });
});
