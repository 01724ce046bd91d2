import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addItem, listItems, moveItem } from "../../../collab/documents/playlist";
import { addSuggestedItem, alreadyListed, listPlaylist, updateItem } from "./playlist-document";

const resource = {
  title: "Working with parents",
  url: "https://educationendowmentfoundation.org.uk/parents",
  type: "reading" as const,
  minutes: 45,
  why: "Evidence",
  addedBy: "Fay",
};

/** Two replicas that exchange every update, like two browsers on one document. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, u, "remote"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, u, "remote"));
  return [a, b] as const;
}

describe("approving a suggestion into the playlist", () => {
  it("records the suggestion's id on the item and never adds it twice", () => {
    const doc = new Y.Doc();
    expect(addSuggestedItem(doc, "s-1", resource)).toBe(true);
    expect(listPlaylist(doc)).toMatchObject([{ title: "Working with parents", suggestionId: "s-1", addedBy: "Fay" }]);
    expect(addSuggestedItem(doc, "s-1", { ...resource, url: "https://example.org/other" })).toBe(false);
    expect(listItems(doc)).toHaveLength(1);
  });

  it("does not add a suggestion whose address is already listed (after normalising)", () => {
    const doc = new Y.Doc();
    addItem(doc, resource);
    expect(alreadyListed(doc, { url: " https://EducationEndowmentFoundation.org.uk/parents" })).toBe(true);
    expect(addSuggestedItem(doc, "s-2", { ...resource, title: "Same link" })).toBe(false);
    expect(alreadyListed(doc, { url: "javascript:alert(1)" })).toBe(false);
    expect(listItems(doc)).toHaveLength(1);
  });

  it("refuses a suggestion the document's rules refuse", () => {
    expect(() => addSuggestedItem(new Y.Doc(), "s-3", { ...resource, url: "ftp://files.example.org/a.pdf" })).toThrow(
      /https:\/\//,
    );
  });
});

describe("editing an item", () => {
  it("changes its details in place, keeping its id and position, and the other replica sees it", () => {
    const [a, b] = pair();
    const first = addItem(a, resource);
    const second = addItem(a, {
      ...resource,
      title: "Tuning protocol",
      url: "https://example.org/tuning",
      type: "protocol",
    });
    updateItem(b, first, {
      title: "Working with parents (guidance)",
      url: "https://example.org/parents",
      type: "reading",
      minutes: 50,
      why: "Our starting point",
    });
    expect(listPlaylist(a).map((i) => [i.id, i.title, i.minutes])).toEqual([
      [first, "Working with parents (guidance)", 50],
      [second, "Tuning protocol", 45],
    ]);
    moveItem(a, second, 0);
    expect(listPlaylist(b).map((i) => i.id)).toEqual([second, first]);
  });

  it("refuses bad details with the document's own message, and a removed item", () => {
    const doc = new Y.Doc();
    const id = addItem(doc, resource);
    expect(() => updateItem(doc, id, { ...resource, url: "javascript:alert(1)" })).toThrow(
      "Only web addresses starting with https:// or http:// can be added.",
    );
    expect(() => updateItem(doc, id, { ...resource, minutes: 0 })).toThrow(/Minutes/);
    expect(listPlaylist(doc)[0]).toMatchObject({ url: resource.url, minutes: 45 });
    expect(() => updateItem(doc, "gone", resource)).toThrow(/removed/);
  });
});
