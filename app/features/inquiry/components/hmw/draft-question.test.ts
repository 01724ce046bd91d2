import { withStem } from "./draft-question";

describe("putting a prompt's stem into the draft", () => {
  it("replaces an untouched starter or another prompt's stem", () => {
    expect(withStem("How might we ", "How might we take away ", 13)).toEqual({
      text: "How might we take away ",
      caret: 23,
    });
    expect(withStem("How might we first ", "How might we draw on ", 0).text).toBe("How might we draw on ");
    expect(withStem("   ", "How might we first ", null).text).toBe("How might we first ");
  });

  it("keeps the person's own words and puts the stem in at the caret, with a space where needed", () => {
    expect(withStem("Families feel unwelcome.", "How might we take away ", 24)).toEqual({
      text: "Families feel unwelcome. How might we take away ",
      caret: 48,
    });
    expect(withStem("Families feel unwelcome.", "How might we take away ", 0).text).toBe(
      "How might we take away Families feel unwelcome.",
    );
  });
});
