/**
 * The write rules against a modified client, through the real server (issue 12): a stock
 * y-websocket client with a member's real cookie whose Y.Doc the test changes directly. Every
 * forbidden change closes the writer's socket with 4422 and a reason in words, reaches no other
 * client, is never stored, and is counted under its kind; honest editing is never refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { documentName } from "../../collab/doc-names";
import { inquiryFields, inquiryText, writeParagraphs } from "../../collab/documents/inquiry";
import { addItem } from "../../collab/documents/playlist";
import {
  addNote,
  deleteNote,
  getBoardSettings,
  listNotes,
  moveNote,
  notesMap,
  settingsMap,
  setLocked,
  votesMap,
} from "../../collab/documents/root-cause-board";
import { castDot, listRounds, revealRound, startRound } from "../../collab/documents/voting-rounds";
import { addCohortMembers } from "../../db/queries/cohort-members";
import type { Logger } from "../../app/kernel/logger";
import { silentLogger } from "../../app/kernel/logger";
import { parseEnv } from "../../app/utils/env.server";
import { startCommons, type RunningCommons } from "../../server/start";
import { waitFor } from "../support/collab";
import { makeCommunity, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeUser } from "../support/factories";
import {
  barrier,
  destroyAll,
  firstClose,
  refusedCount,
  refusedTotal,
  storedDoc,
  synced,
  type Client,
} from "../support/write-rules-fixtures";

/** A small size cap keeps the growth attack quick: two 1.9 MB frames fit, a third does not. */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const FRAME_CHARS = 1_900_000;

const OWN_NAME = "Something can only be written in your own name.";
const NOT_YOUR_SECTION = "Only the person this section belongs to, or a facilitator, can write in it.";
const SETTINGS = "Only a facilitator can change the board's settings: the lock, the timer, the dots and the template.";
const UNKNOWN_PART = "This document has no such part, so the change was not kept.";
const SIZE_LIMIT = "This document has reached its size limit, so nothing more can be added to it.";
const WEB_ADDRESS = "Only web addresses starting with https:// or http:// can be added.";

const roundDots = (doc: Y.Doc) => doc.getMap<number>("roundDots");

/** A board note as a modified client writes it: every field the page writes, with whatever values it likes. */
function forgedNote(doc: Y.Doc, fields: { authorId: string; authorName: string }) {
  const id = `forged-${Math.random().toString(36).slice(2, 10)}`;
  const note = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({
      id,
      text: "Forged",
      createdAt: Date.now(),
      category: "unsorted",
      order: 99,
      ...fields,
    }))
      note.set(k, v);
    notesMap(doc).set(id, note);
  });
}

/** A playlist item written field by field (bypassing addItem's URL check, as a raw client can). */
function rawPlaylistItem(doc: Y.Doc, url: string) {
  const id = `raw-${Math.random().toString(36).slice(2, 10)}`;
  const item = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({
      id,
      title: "Click me",
      url,
      type: "reading",
      minutes: 5,
      why: "",
      addedBy: "Fay",
      order: 9,
    }))
      item.set(k, v);
    doc.getMap("items").set(id, item);
  });
}

describe.each(await testDatabases())("the write rules against a modified client on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  let fayId: string;
  const cookie = { ada: "", ben: "", fay: "" };
  const ids = () => ({ ada: fx.users.a.id, ben: fx.users.b.id, fay: fayId });
  /** The server's warnings, kept to check that each refusal is logged. */
  const warnings: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = { ...silentLogger, warn: (msg, fields) => warnings.push({ msg, fields }) };
  /** Every client a test opened, disconnected after it whatever happened. */
  let open: Client[] = [];

  const client = async (docName: string, who: keyof typeof cookie) => {
    const c = await synced(app, docName, cookie[who]);
    open.push(c);
    return c;
  };

  /**
   * `who` changes the document in a fresh stock client with `change`; asserts the socket is closed
   * with 4422 and a reason in words, that the refusal is counted under `kind`, and (through
   * `barrier`) that the watcher has heard everything the server sent since. Returns the reason.
   */
  async function refused(
    docName: string,
    kind: string,
    who: keyof typeof cookie,
    change: (doc: Y.Doc) => void,
    watch: { via: Client; watcher: Client },
  ): Promise<string> {
    const before = refusedCount(app, kind);
    const attacker = await client(docName, who);
    change(attacker.doc);
    const close = await firstClose(attacker);
    expect(close?.code, "the writer's socket is closed as refused").toBe(CloseCodes.refused);
    expect(close!.reason).toMatch(/^[A-Z][\w ,'’:/.-]+\.$/);
    expect(refusedCount(app, kind)).toBe(before + 1);
    expect(warnings.at(-1)).toEqual({
      msg: "collab change refused",
      fields: expect.objectContaining({ userId: ids()[who], docName, why: close!.reason }),
    });
    // The page is not told to reconnect (a 4xxx close): it reloads, and is sent the server's state.
    await new Promise((r) => setTimeout(r, 300));
    expect(attacker.closeEvents).toHaveLength(1);
    await barrier(watch.via, watch.watcher);
    attacker.provider.destroy();
    return close!.reason;
  }

  /** Disconnects every client of the test, so its documents unload and can be read from the database. */
  const closeAll = () => {
    destroyAll(...open);
    open = [];
  };

  beforeAll(async () => {
    // As startTestApp, with a logger that keeps the warnings.
    app = await startCommons({
      env: parseEnv({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "false", LOG_LEVEL: "silent" }),
      logger,
      database: await database.open(),
      collab: { unloadGraceMs: 50, persistence: { maxDocumentBytes: MAX_DOCUMENT_BYTES } },
    });
    fx = await makeCommunity(app.services.db);
    // The fixture's cohort has no facilitator: Fay facilitates it (and so each of its communities).
    const fay = await makeUser(app.services.db, fx.authority.id, [{ role: "facilitator" }], {
      name: "Fay Facilitator",
    });
    await addCohortMembers(app.services.db, fx.cohort.id, [fay.id], "facilitator");
    fayId = fay.id;
    cookie.ada = await signIn(app.url, fx.users.a.email);
    cookie.ben = await signIn(app.url, fx.users.b.email);
    cookie.fay = await signIn(app.url, fay.email);
  });
  afterAll(async () => {
    closeAll();
    await app?.close();
  });

  it("refuses Ben deleting or rewriting Ada's story, and a fresh client of Ben's then sees her story", async () => {
    const { a: adaUser, b: benUser } = fx.users;
    const name = documentName("inquiry", await fx.another());
    const adaStory = inquiryFields.story(adaUser.id);
    const ada = await client(name, "ada");
    const fay = await client(name, "fay");
    writeParagraphs(ada.doc, adaStory, ["The attendance gap we could not close."]);
    await waitFor(() => inquiryText(fay.doc, adaStory).includes("attendance gap"), "Ada's story at the server");
    const watch = { via: fay, watcher: ada };

    const deleteAll = (doc: Y.Doc) => {
      const story = doc.getXmlFragment(adaStory);
      story.delete(0, story.length);
    };
    const addWords = (doc: Y.Doc) => writeParagraphs(doc, adaStory, ["Ben's words now."]);
    const replace = (doc: Y.Doc) => doc.transact(() => (deleteAll(doc), addWords(doc)));
    const embolden = (doc: Y.Doc) => {
      const paragraph = doc.getXmlFragment(adaStory).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).format(0, 14, { bold: {} });
    };
    for (const change of [deleteAll, addWords, replace, embolden])
      expect(await refused(name, "inquiry", "ben", change, watch)).toBe(NOT_YOUR_SECTION);
    expect(inquiryText(ada.doc, adaStory)).toBe("The attendance gap we could not close.");

    // The same browser identity, reloaded: a new Y.Doc gets the server's state, and its own story is still Ben's to write.
    const ben = await client(name, "ben");
    expect(inquiryText(ben.doc, adaStory)).toBe("The attendance gap we could not close.");
    writeParagraphs(ben.doc, inquiryFields.story(benUser.id), ["Ben's own story."]);
    await waitFor(
      () => inquiryText(ada.doc, inquiryFields.story(benUser.id)) === "Ben's own story.",
      "Ben's own story at Ada",
    );
    expect(ben.closeEvents).toEqual([]);

    closeAll();
    const stored = await storedDoc(app, name);
    expect(inquiryText(stored, adaStory)).toBe("The attendance gap we could not close.");
    expect(inquiryText(stored, inquiryFields.story(benUser.id))).toBe("Ben's own story.");
  });

  it("keeps the board's lock, dots per person and timer to facilitators, within the page's limits", async () => {
    const name = documentName("root-cause-board", await fx.another());
    const ada = await client(name, "ada");
    const fay = await client(name, "fay");
    const watch = { via: fay, watcher: ada };
    const settings = (doc: Y.Doc) => settingsMap(doc);
    const defaults = getBoardSettings(ada.doc);
    expect(defaults).toMatchObject({ locked: false, voteBudget: 3, timerEndsAt: null });

    expect(await refused(name, "root-cause-board", "ben", (d) => setLocked(d, true), watch)).toBe(SETTINGS);
    expect(await refused(name, "root-cause-board", "ben", (d) => settings(d).set("voteBudget", 999), watch)).toBe(
      SETTINGS,
    );
    const inAnHour = Date.now() + 3_600_000;
    expect(await refused(name, "root-cause-board", "ben", (d) => settings(d).set("timerEndsAt", inAnHour), watch)).toBe(
      SETTINGS,
    );
    // A facilitator's client is held to the values the page offers.
    expect(await refused(name, "root-cause-board", "fay", (d) => settings(d).set("voteBudget", 999), watch)).toBe(
      "Dots per person must be between 0 and 20.",
    );
    const inTwoDays = Date.now() + 48 * 3_600_000;
    expect(
      await refused(name, "root-cause-board", "fay", (d) => settings(d).set("timerEndsAt", inTwoDays), watch),
    ).toBe("The timer must end within the day.");
    expect(getBoardSettings(ada.doc)).toEqual(defaults);

    // The same changes within the rules, from Fay's page, reach Ada.
    settings(fay.doc).set("voteBudget", 5);
    settings(fay.doc).set("timerEndsAt", inAnHour);
    await waitFor(
      () => getBoardSettings(ada.doc).voteBudget === 5 && getBoardSettings(ada.doc).timerEndsAt === inAnHour,
      "Fay's settings at Ada",
    );

    closeAll();
    const stored = getBoardSettings(await storedDoc(app, name));
    expect(stored).toEqual({ ...defaults, voteBudget: 5, timerEndsAt: inAnHour });
  });

  it("refuses notes in someone else's name, 50 dots, too many dots and dots under another person's key", async () => {
    const { a: adaUser, b: benUser } = fx.users;
    const name = documentName("root-cause-board", await fx.another());
    const ada = await client(name, "ada");
    const fay = await client(name, "fay");
    const noteId = addNote(ada.doc, { text: "Timetable clashes", authorId: adaUser.id, authorName: "Ada Member" });
    const roundId = startRound(fay.doc, { dotsPerPerson: 3, minutes: null, startedBy: fayId });
    await waitFor(() => notesMap(fay.doc).has(noteId) && listRounds(ada.doc).length === 1, "the note and the round");
    const watch = { via: fay, watcher: ada };
    const attack = (change: (doc: Y.Doc) => void) => refused(name, "root-cause-board", "ben", change, watch);

    expect(await attack((d) => forgedNote(d, { authorId: adaUser.id, authorName: "Ada Member" }))).toBe(OWN_NAME);
    expect(await attack((d) => forgedNote(d, { authorId: benUser.id, authorName: "Ada Member" }))).toBe(OWN_NAME);
    expect(await attack((d) => notesMap(d).get(noteId)!.set("text", "Ben's words"))).toBe(
      "The note's author or a facilitator may change its words.",
    );
    expect(await attack((d) => deleteNote(d, noteId))).toBe("The note's author or a facilitator may remove it.");
    // The first, always-open dots: pages no longer place them, so none is accepted.
    expect(await attack((d) => votesMap(d).set(`${noteId}|${benUser.id}`, 50))).toBe(
      "Dots are placed in a voting round the facilitator starts.",
    );
    expect(await attack((d) => roundDots(d).set(`${roundId}|${noteId}|${benUser.id}`, 50))).toBe(
      "Dots on one item must be between 1 and 20.",
    );
    expect(await attack((d) => roundDots(d).set(`${roundId}|${noteId}|${benUser.id}`, 4))).toBe(
      "You have 3 dots in this round, and they are all placed.",
    );
    expect(await attack((d) => roundDots(d).set(`${roundId}|${noteId}|${adaUser.id}`, 1))).toBe(
      "You can only place or take back your own dots.",
    );
    expect(listNotes(ada.doc).map((n) => [n.text, n.authorId])).toEqual([["Timetable clashes", adaUser.id]]);
    expect(votesMap(ada.doc).size).toBe(0);
    expect(roundDots(ada.doc).size).toBe(0);

    // Ben's own dot, placed as the page places it, is kept.
    const ben = await client(name, "ben");
    expect(castDot(ben.doc, roundId, noteId, benUser.id)).toBe(true);
    await waitFor(() => roundDots(ada.doc).get(`${roundId}|${noteId}|${benUser.id}`) === 1, "Ben's dot at Ada");
    expect(ben.closeEvents).toEqual([]);

    closeAll();
    const stored = await storedDoc(app, name);
    expect(listNotes(stored).map((n) => [n.text, n.authorId, n.authorName])).toEqual([
      ["Timetable clashes", adaUser.id, "Ada Member"],
    ]);
    expect(votesMap(stored).size).toBe(0);
    expect([...roundDots(stored).entries()]).toEqual([[`${roundId}|${noteId}|${benUser.id}`, 1]]);
  });

  it("refuses a root the kind does not have at once, and growth of one's own story past the size limit", async () => {
    const benStory = inquiryFields.story(fx.users.b.id);
    const name = documentName("inquiry", await fx.another());
    const ada = await client(name, "ada");
    const fay = await client(name, "fay");
    const watch = { via: fay, watcher: ada };
    const frame = (fill: string) => fill.repeat(FRAME_CHARS);

    expect(await refused(name, "inquiry", "ben", (d) => d.getMap("attachments").set("blob", frame("x")), watch)).toBe(
      UNKNOWN_PART,
    );
    expect(ada.doc.share.has("attachments")).toBe(false);

    // Ben's own story may grow until the document reaches its cap; the frame that would pass it is refused.
    const before = refusedCount(app, "inquiry");
    const ben = await client(name, "ben");
    const story = ben.doc.getXmlFragment(benStory);
    for (const fill of ["a", "b", "c"]) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(frame(fill))]);
      story.push([p]);
    }
    const close = await firstClose(ben, 10_000);
    expect(close).toEqual({ code: CloseCodes.refused, reason: SIZE_LIMIT });
    expect(refusedCount(app, "inquiry")).toBe(before + 1);
    expect(warnings.at(-1)).toMatchObject({
      msg: "collab change refused",
      fields: { userId: fx.users.b.id, why: SIZE_LIMIT },
    });
    await barrier(fay, ada);
    const seen = inquiryText(ada.doc, benStory);
    expect(seen).toBe(`${frame("a")}\n${frame("b")}`);

    closeAll();
    const stored = await storedDoc(app, name);
    expect(stored.share.has("attachments")).toBe(false);
    expect(inquiryText(stored, benStory)).toBe(`${frame("a")}\n${frame("b")}`);
    expect(Y.encodeStateAsUpdate(stored).byteLength).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
  }, 60_000);

  it("refuses a javascript: link in the playlist, even from a facilitator's raw client", async () => {
    const name = documentName("playlist", await fx.another());
    const fay = await client(name, "fay");
    const ada = await client(name, "ada"); // a leader reads the community's playlist
    const watch = { via: fay, watcher: ada };
    const itemId = addItem(fay.doc, {
      title: "Reading",
      url: "https://example.org/read",
      type: "reading",
      minutes: 10,
      why: "",
      addedBy: "Fay",
    });
    await waitFor(() => ada.doc.getMap("items").has(itemId), "the honest item at Ada");

    for (const url of [
      "javascript:alert(document.cookie)",
      " JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ])
      expect(await refused(name, "playlist", "fay", (d) => rawPlaylistItem(d, url), watch)).toBe(WEB_ADDRESS);
    const relink = (d: Y.Doc) => (d.getMap("items").get(itemId) as Y.Map<unknown>).set("url", "javascript:alert(1)");
    expect(await refused(name, "playlist", "fay", relink, watch)).toBe(WEB_ADDRESS);
    const urls = () => [...ada.doc.getMap<Y.Map<unknown>>("items").values()].map((i) => i.get("url"));
    expect(urls()).toEqual(["https://example.org/read"]);

    closeAll();
    const stored = await storedDoc(app, name);
    expect([...stored.getMap<Y.Map<unknown>>("items").values()].map((i) => i.get("url"))).toEqual([
      "https://example.org/read",
    ]);
  });

  it("never refuses honest editing: own stories, a note each, moving each other's notes, a voting round", async () => {
    const { a: adaUser, b: benUser } = fx.users;
    const communityId = await fx.another();
    const inquiry = documentName("inquiry", communityId);
    const board = documentName("root-cause-board", communityId);
    const before = refusedTotal(app);
    const [adaInq, benInq] = [await client(inquiry, "ada"), await client(inquiry, "ben")];
    const [adaBoard, benBoard, fayBoard] = [
      await client(board, "ada"),
      await client(board, "ben"),
      await client(board, "fay"),
    ];

    writeParagraphs(adaInq.doc, inquiryFields.story(adaUser.id), ["Ada's story."]);
    writeParagraphs(benInq.doc, inquiryFields.story(benUser.id), ["Ben's story."]);
    writeParagraphs(benInq.doc, inquiryFields.needed(benUser.id), ["Time with a mentor."]);
    const adaNote = addNote(adaBoard.doc, { text: "Ada's cause", authorId: adaUser.id, authorName: "Ada Member" });
    const benNote = addNote(benBoard.doc, { text: "Ben's cause", authorId: benUser.id, authorName: "Ben Member" });
    await waitFor(
      () => notesMap(adaBoard.doc).has(benNote) && notesMap(benBoard.doc).has(adaNote),
      "both notes at both",
    );
    moveNote(adaBoard.doc, benNote, "knowledge");
    moveNote(benBoard.doc, adaNote, "skills");
    const roundId = startRound(fayBoard.doc, { dotsPerPerson: 2, minutes: 10, startedBy: fayId });
    await waitFor(
      () => listRounds(adaBoard.doc).length === 1 && listRounds(benBoard.doc).length === 1,
      "the round at both",
    );
    expect(castDot(adaBoard.doc, roundId, benNote, adaUser.id)).toBe(true);
    expect(castDot(benBoard.doc, roundId, adaNote, benUser.id)).toBe(true);
    expect(castDot(benBoard.doc, roundId, adaNote, benUser.id)).toBe(true);
    await waitFor(() => roundDots(fayBoard.doc).size === 2, "the dots at Fay");
    revealRound(fayBoard.doc, roundId);

    const boardState = (doc: Y.Doc) =>
      JSON.stringify({ notes: listNotes(doc), dots: [...roundDots(doc).entries()].sort(), rounds: listRounds(doc) });
    await waitFor(
      () =>
        boardState(adaBoard.doc) === boardState(fayBoard.doc) && boardState(benBoard.doc) === boardState(fayBoard.doc),
      "the board to converge",
    );
    await waitFor(
      () => inquiryText(adaInq.doc, inquiryFields.story(benUser.id)) === "Ben's story.",
      "Ben's story at Ada",
    );
    await waitFor(
      () => inquiryText(benInq.doc, inquiryFields.story(adaUser.id)) === "Ada's story.",
      "Ada's story at Ben",
    );
    expect(Object.fromEntries(listNotes(adaBoard.doc).map((n) => [n.id, n.category]))).toEqual({
      [adaNote]: "skills",
      [benNote]: "knowledge",
    });
    expect(listRounds(adaBoard.doc)[0].revealedAt).not.toBeNull();
    expect(refusedTotal(app)).toBe(before);
    for (const c of open) expect(c.closeEvents).toEqual([]);

    const boardNow = boardState(adaBoard.doc);
    closeAll();
    expect(boardState(await storedDoc(app, board))).toBe(boardNow);
    expect(inquiryText(await storedDoc(app, inquiry), inquiryFields.needed(benUser.id))).toBe("Time with a mentor.");
  });
});
