import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import {
  addComment,
  commentAnchor,
  commentRange,
  deleteComment,
  inquiryFields,
  inquiryFragment,
  inquiryText,
  listComments,
  reopenComment,
  resolveComment,
} from "./inquiry";

/** Types into a section as Tiptap does: a paragraph element holding formatted text. Returns the text node. */
function typeParagraph(doc: Y.Doc, field: string, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const words = new Y.XmlText();
  doc.transact(() => {
    inquiryFragment(doc, field).push([paragraph]);
    paragraph.insert(0, [words]);
    words.insert(0, text);
  });
  return words;
}

function setUp() {
  const room = new GuardedRoom("inquiry");
  const fay = room.join({ userId: "fay", isFacilitator: true });
  const ada = room.join({ userId: "ada" });
  const ben = room.join({ userId: "ben" });
  return { room, fay, ada, ben };
}

const story = inquiryFields.story;

/** Ada's story with one paragraph and a comment by Ben on "parents". */
function withComment() {
  const s = setUp();
  typeParagraph(s.ada, story("ada"), "I never asked the parents.");
  const anchor = commentAnchor(s.ben, story("ada"), 16, 23)!;
  const id = addComment(s.ben, {
    field: story("ada"),
    authorId: "ben",
    authorName: "ben name",
    text: "Why not?",
    anchor,
    quote: "parents",
  });
  expect(s.room.refusals).toEqual([]);
  return { ...s, id };
}

describe("the inquiry's write rules: what the pages do passes", () => {
  it("each member writes, formats and deletes in their own story and needs; a facilitator writes in anyone's", () => {
    const { room, fay, ada, ben } = setUp();
    const words = typeParagraph(ada, story("ada"), "We set the timetable in June.");
    words.format(0, 2, { bold: {} });
    words.insert(words.length, " Nobody asked.", { italic: {} });
    words.delete(0, 3);
    const mention = new Y.XmlElement("mention");
    mention.setAttribute("id", "ben");
    inquiryFragment(ada, story("ada")).insert(0, [mention]);
    inquiryFragment(ada, story("ada")).delete(0, 1);
    typeParagraph(ada, inquiryFields.needed("ada"), "Time with the other heads.");
    typeParagraph(ben, story("ben"), "Our data was late.");
    typeParagraph(fay, story("ada"), "Facilitator's note: see the June minutes.");
    const benWords = inquiryFragment(fay, story("ben")).get(0) as Y.XmlElement;
    (benWords.get(0) as Y.XmlText).insert(0, "(Fay) ");

    expect(room.refusals).toEqual([]);
    expect(inquiryText(room.server, story("ada"))).toBe(
      "set the timetable in June.<italic> Nobody asked.</italic>\nFacilitator's note: see the June minutes.",
    );
    expect(inquiryText(room.server, story("ben"))).toBe("(Fay) Our data was late.");
    expect(inquiryText(room.server, inquiryFields.needed("ada"))).toBe("Time with the other heads.");
  });

  it("both people of a pair write the peer check's notes", () => {
    const { room, ada, ben } = setUp();
    const field = inquiryFields.peerCheck("ben", "ada");
    typeParagraph(ada, field, "Ada assumed parents were busy.");
    typeParagraph(ben, field, "Ben assumed the data was right.");
    expect(room.refusals).toEqual([]);
    expect(inquiryText(room.server, field)).toBe("Ada assumed parents were busy.\nBen assumed the data was right.");
  });

  it("comments: added on a real passage, resolved and reopened by others, deleted by their author", () => {
    const { room, fay, ada, ben, id } = withComment();
    resolveComment(ada, id);
    reopenComment(fay, id);
    resolveComment(ben, id);
    const second = addComment(ada, {
      field: story("ada"),
      authorId: "ada",
      authorName: "ada name",
      text: "Note to self",
      anchor: commentAnchor(ada, story("ada"), 0, 7)!,
      quote: "I never",
    });
    deleteComment(ada, second);
    expect(room.refusals).toEqual([]);
    const [comment] = listComments(room.server, story("ada"));
    expect(comment).toMatchObject({ id, authorId: "ben", resolved: true, quote: "parents" });
    expect(commentRange(room.server, comment)).toEqual({ from: 16, to: 23 });
    expect(listComments(room.server, story("ada"))).toHaveLength(1);
  });

  it("two members writing their own stories at once both pass", () => {
    const { room } = setUp();
    const ada = new Y.Doc();
    const ben = new Y.Doc();
    for (const d of [ada, ben]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    typeParagraph(ada, story("ada"), "Ada's story.");
    typeParagraph(ben, story("ben"), "Ben's story.");
    typeParagraph(ben, inquiryFields.peerCheck("ada", "ben"), "Ben's check.");
    typeParagraph(ada, inquiryFields.peerCheck("ada", "ben"), "Ada's check.");
    expect(room.offer(Y.encodeStateAsUpdate(ada, base), GuardedRoom.writer("ada")).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(ben, base), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(inquiryText(room.server, inquiryFields.peerCheck("ada", "ben")).split("\n").sort()).toEqual([
      "Ada's check.",
      "Ben's check.",
    ]);
  });
});

describe("the inquiry's write rules: a modified client is refused", () => {
  it("writing in another's story or needs, or in a peer check one is not part of", () => {
    const { room, ada } = setUp();
    typeParagraph(ada, story("ada"), "Ada's words.");
    expectRefused(
      room,
      { userId: "eve" },
      (d) => typeParagraph(d, story("ada"), "Eve was here."),
      /person this section belongs to/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => inquiryFragment(d, story("ada")).delete(0, 1),
      /person this section belongs to/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => typeParagraph(d, inquiryFields.needed("ada"), "Eve was here."),
      /person this section belongs to/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => typeParagraph(d, inquiryFields.peerCheck("ada", "ben"), "Eve was here."),
      /two people in this peer check/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => typeParagraph(d, "peer-check/eve+ada", "Swapped ids."),
      /no such part/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => typeParagraph(d, "peer-check/eve+eve", "A pair of one."),
      /no such part/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => ((inquiryFragment(d, story("ada")).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} }),
      /person this section belongs to/,
    );
  });

  it("comments with a forged author, another's comment deleted or reworded, an author changed", () => {
    const { room, id } = withComment();
    const anchor = { start: null, end: null };
    const raw = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      const all = {
        id: "c9",
        field: story("ada"),
        text: "Forged",
        createdAt: new Date().toISOString(),
        resolved: false,
        anchor,
        quote: "",
        ...fields,
      };
      for (const [k, v] of Object.entries(all)) map.set(k, v);
      return map;
    };
    const comments = (d: Y.Doc) => d.getMap<Y.Map<unknown>>("comments");
    expectRefused(
      room,
      { userId: "eve" },
      (d) => comments(d).set("c9", raw({ authorId: "ada", authorName: "eve name" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => comments(d).set("c9", raw({ authorId: "eve", authorName: "Ada" })),
      /your own name/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => comments(d).set("c9", raw({ authorId: "eve", authorName: "eve name", field: "evil" })),
      /section of the inquiry/,
    );
    expectRefused(
      room,
      { userId: "eve" },
      (d) => comments(d).set("c9", raw({ authorId: "eve", authorName: "eve name", votes: 3 })),
      /never writes/,
    );
    expectRefused(room, { userId: "ada" }, (d) => deleteComment(d, id), /wrote a comment can delete/);
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => deleteComment(d, id),
      /wrote a comment can delete/,
    );
    expectRefused(
      room,
      { userId: "ada" },
      (d) => comments(d).get(id)!.set("text", "Ada's words"),
      /wrote a comment can change/,
    );
    expectRefused(
      room,
      { userId: "ben" },
      (d) => comments(d).get(id)!.set("authorId", "ada"),
      /author, place and time cannot be changed/,
    );
    expectRefused(
      room,
      { userId: "ben" },
      (d) => comments(d).get(id)!.set("authorName", "Ada"),
      /author, place and time cannot be changed/,
    );
    expectRefused(room, { userId: "ada" }, (d) => comments(d).get(id)!.set("resolved", "yes"), /resolved or open/);
  });

  it("unknown roots, the comments map written as a list, the schema version changed", () => {
    const { room } = setUp();
    expectRefused(room, { userId: "ada" }, (d) => d.getMap("evil").set("x", 1), /no such part/);
    expectRefused(room, { userId: "ada" }, (d) => typeParagraph(d, "story/ada/extra", "Hidden"), /no such part/);
    expectRefused(room, { userId: "ada" }, (d) => d.getArray("comments").insert(0, ["x"]), /no such part/);
    expectRefused(
      room,
      { userId: "fay", isFacilitator: true },
      (d) => d.getMap("meta").set("schemaVersion", 2),
      /version cannot be changed/,
    );
  });
});
