import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START } from "../../../db/queries/search-sql";
import { splitSnippet } from "./snippet.server";

const m = (words: string) => `${MARK_START}${words}${MARK_END}`;

describe("splitSnippet", () => {
  it("splits a headline into plain and marked pieces", () => {
    expect(splitSnippet(`Families ${m("phone")} home when ${m("phoning")} works`)).toEqual([
      { text: "Families ", marked: false },
      { text: "phone", marked: true },
      { text: " home when ", marked: false },
      { text: "phoning", marked: true },
      { text: " works", marked: false },
    ]);
  });

  it("keeps markup people typed as plain text", () => {
    expect(splitSnippet(`<b>${m("letters")}</b>`)).toEqual([
      { text: "<b>", marked: false },
      { text: "letters", marked: true },
      { text: "</b>", marked: false },
    ]);
  });

  it("ends a mark left open at the end, and drops empty pieces and stray closing marks", () => {
    expect(splitSnippet(`${MARK_END}a ${MARK_START}b`)).toEqual([
      { text: "a ", marked: false },
      { text: "b", marked: true },
    ]);
    expect(splitSnippet("")).toEqual([]);
  });

  it("joins neighbouring marked words into one mark", () => {
    expect(splitSnippet(`${m("home")}${m("visits")}`)).toEqual([{ text: "homevisits", marked: true }]);
  });
});
