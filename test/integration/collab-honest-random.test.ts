/**
 * Issue 12's randomised check of the write rules: honest clients (stock y-websocket clients that
 * edit only through the kinds' own functions, and only where `may` lets their person act, as the
 * pages do) work on a board and an inquiry at random for a while. The server must refuse nothing,
 * and every client and the database must end with the same documents.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import {
  addComment,
  commentAnchor,
  deleteComment,
  inquiryFields,
  listComments,
  resolveComment,
} from "../../collab/documents/inquiry";
import {
  addCluster,
  addNote,
  boardCategories,
  boardRules,
  deleteNote,
  editNote,
  listClusters,
  listNotes,
  moveNote,
  renameCluster,
} from "../../collab/documents/root-cause-board";
import { may, type DocActor } from "../../collab/documents/rules";
import { castDot, openRound, startRound, takeBackDot } from "../../collab/documents/voting-rounds";
import { createDatabaseStore } from "../../collab/store";
import { addCohortMembers } from "../../db/queries/cohort-members";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import { connectAt, makeCommunity, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeUser } from "../support/factories";

const SECONDS = Number(process.env.HONEST_RANDOM_SECONDS ?? 60);

type Person = { id: string; name: string; facilitator: boolean; cookie: string };
type Client = ReturnType<typeof connectAt> & { person: Person };

/** A small seeded generator, so a failure can be replayed with the seed it prints. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T | undefined => items[Math.floor(rnd() * items.length)];

/** One page-level action on the board, chosen at random among those the person may take. */
function boardStep(c: Client, rnd: () => number, n: number) {
  const { person, doc } = c;
  const actor: DocActor = { userId: person.id, canWrite: true, isFacilitator: person.facilitator };
  const by = { facilitator: person.facilitator };
  const notes = listNotes(doc);
  const mine = notes.filter((x) => may(actor, boardRules.editNote, { authorId: x.authorId }));
  const roll = rnd();
  if (roll < 0.25 || notes.length < 3) {
    addNote(
      doc,
      {
        text: `Cause ${n} by ${person.name}`,
        authorId: person.id,
        authorName: person.name,
        category: pick(rnd, boardCategories),
      },
      by,
    );
  } else if (roll < 0.4 && mine.length) {
    editNote(doc, pick(rnd, mine)!.id, `Reworded ${n} by ${person.name}`, by);
  } else if (roll < 0.65) {
    const target = pick(rnd, notes)!;
    const category = pick(rnd, boardCategories)!;
    const cluster = pick(rnd, [null, ...listClusters(doc, category).map((g) => g.id)]) ?? null;
    moveNote(doc, target.id, category, pick(rnd, [null, ...notes.map((x) => x.id)]) ?? null, {
      ...by,
      clusterId: cluster,
    });
  } else if (roll < 0.72 && mine.length > 2) {
    deleteNote(doc, pick(rnd, mine)!.id, by);
  } else if (roll < 0.8) {
    const groups = listClusters(doc);
    if (groups.length < 4) addCluster(doc, { name: `Group ${n}`, category: pick(rnd, boardCategories.slice(1))! }, by);
    else renameCluster(doc, pick(rnd, groups)!.id, `Renamed ${n}`, by);
  } else {
    const round = openRound(doc);
    const note = pick(rnd, listNotes(doc));
    if (!round || !note || person.facilitator) return;
    if (rnd() < 0.6) castDot(doc, round.id, note.id, person.id);
    else takeBackDot(doc, round.id, note.id, person.id);
  }
}

/** One action in the inquiry: typing in one's own story or the pair's notes, commenting, resolving, deleting one's comment. */
function inquiryStep(c: Client, rnd: () => number, n: number, pair: string) {
  const { person, doc } = c;
  const field = person.facilitator
    ? pick(rnd, [inquiryFields.story(pick(rnd, ["a", "b"])!), pair])!
    : rnd() < 0.6
      ? inquiryFields.story(person.id)
      : pair;
  const resolvedField = field.endsWith("/a") || field.endsWith("/b") ? pair : field;
  const text = doc.getXmlFragment(resolvedField);
  const roll = rnd();
  if (roll < 0.6 || text.length === 0) {
    const paragraph = text.length && rnd() < 0.7 ? (text.get(Math.floor(rnd() * text.length)) as Y.XmlElement) : null;
    if (paragraph && paragraph.get(0) instanceof Y.XmlText) {
      const t = paragraph.get(0) as Y.XmlText;
      if (rnd() < 0.8 || t.length < 3)
        t.insert(Math.floor(rnd() * (t.length + 1)), ` w${n}`, rnd() < 0.2 ? { bold: true } : undefined);
      else t.delete(Math.floor(rnd() * (t.length - 1)), 1);
    } else {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(`Paragraph ${n} by ${person.name}`)]);
      text.insert(Math.floor(rnd() * (text.length + 1)), [p]);
    }
  } else if (roll < 0.8) {
    const plain = text.toString().replace(/<[^>]+>/g, "");
    const anchor = plain.length > 4 ? commentAnchor(doc, resolvedField, 0, 3) : null;
    if (anchor)
      addComment(doc, {
        field: resolvedField,
        authorId: person.id,
        authorName: person.name,
        text: `Comment ${n}`,
        anchor,
        quote: plain.slice(0, 3),
      });
  } else {
    const comments = listComments(doc, resolvedField);
    const own = comments.filter((x) => x.authorId === person.id);
    if (rnd() < 0.5 && own.length) deleteComment(doc, pick(rnd, own)!.id);
    else if (comments.length) resolveComment(doc, pick(rnd, comments)!.id);
  }
}

describe.each(await testDatabases())(
  "honest clients at random for %s seconds on $name".replace("%s", String(SECONDS)),
  (database) => {
    let app: RunningCommons;
    let people: Person[];
    let boardName: string;
    let inquiryName: string;
    let pair: string;

    beforeAll(async () => {
      app = await startTestApp(await database.open());
      const fx = await makeCommunity(app.services.db);
      const fay = await makeUser(app.services.db, fx.authority.id, [{ role: "facilitator" }], {
        name: "Fay Facilitator",
      });
      await addCohortMembers(app.services.db, fx.cohort.id, [fay.id], "facilitator");
      const members = [
        { ...fx.users.a, facilitator: false },
        { ...fx.users.b, facilitator: false },
        { ...fay, facilitator: true },
      ];
      people = [];
      for (const m of members)
        people.push({ id: m.id, name: m.name, facilitator: m.facilitator, cookie: await signIn(app.url, m.email) });
      boardName = documentName("root-cause-board", fx.community.id);
      inquiryName = documentName("inquiry", fx.community.id);
      pair = inquiryFields.peerCheck(fx.users.a.id, fx.users.b.id);
    });
    afterAll(() => app?.close());

    it(
      "refuses nothing, and everyone ends with the same board and inquiry as the database",
      async () => {
        const seed = Number(process.env.HONEST_RANDOM_SEED ?? Date.now() % 100_000);
        const rnd = random(seed);
        const open = (name: string) =>
          people.map((person) => Object.assign(connectAt(app.url, name, person.cookie, { saved: true }), { person }));
        const boards: Client[] = open(boardName);
        const inquiries: Client[] = open(inquiryName);
        const everyone = [...boards, ...inquiries];
        await waitFor(() => everyone.every((c) => c.provider.synced), "every client's first sync");
        const facilitatorBoard = boards.find((c) => c.person.facilitator)!;
        startRound(facilitatorBoard.doc, { dotsPerPerson: 5, minutes: null, startedBy: facilitatorBoard.person.id });

        const closes: number[] = [];
        for (const c of everyone) c.provider.on("connection-close", (e) => e && closes.push(e.code));
        const until = Date.now() + SECONDS * 1000;
        let n = 0;
        while (Date.now() < until) {
          // A burst of edits from several people before anyone hears the others: concurrent, as in a session.
          for (let burst = 0; burst < 4; burst++) {
            n++;
            const client = pick(rnd, everyone)!;
            if (boards.includes(client)) boardStep(client, rnd, n);
            else inquiryStep(client, rnd, n, pair);
          }
          await new Promise((r) => setTimeout(r, 5 + rnd() * 40));
        }

        const same = (clients: Client[]) =>
          clients.every(
            (c) => Y.encodeStateVector(c.doc).toString() === Y.encodeStateVector(clients[0].doc).toString(),
          );
        await waitFor(() => same(boards) && same(inquiries), `every client to converge (seed ${seed})`, 20_000);
        expect(app.collab.metrics.refusedUpdates, `refusals after ${n} actions (seed ${seed})`).toEqual({});
        expect(closes, "no socket was closed").toEqual([]);
        expect(listNotes(boards[0].doc).length).toBeGreaterThan(0);

        for (const c of everyone) c.provider.destroy();
        await waitFor(
          () => app.collab.registry.loaded().length === 0,
          "the documents to be saved and unloaded",
          15_000,
        );
        for (const [clients, name] of [
          [boards, boardName],
          [inquiries, inquiryName],
        ] as const) {
          const stored = new Y.Doc();
          await createDatabaseStore(app.services.db).load(name, stored);
          // A loaded document's roots have no type until asked for: type them as the clients did.
          for (const [root, type] of clients[0].doc.share)
            stored.get(root, type.constructor as new () => Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>);
          expect(stored.toJSON(), `${name} as stored (seed ${seed})`).toEqual(clients[0].doc.toJSON());
        }
      },
      (SECONDS + 60) * 1000,
    );
  },
);
