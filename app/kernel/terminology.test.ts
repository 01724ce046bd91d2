import { describe, expect, it } from "vitest";
import { audienceLabel, audienceList, termsFor } from "./terminology";

describe("terminology", () => {
  it("uses English school words for en-GB authorities", () => {
    expect(termsFor("en-GB")).toEqual({
      head: "Head teacher",
      governors: "Governors",
      authority: "Local authority",
      inspection: "Ofsted",
    });
  });

  it("uses US school words for en-US authorities", () => {
    expect(termsFor("en-US")).toEqual({
      head: "Principal",
      governors: "School board",
      authority: "District",
      inspection: "State review",
    });
  });

  it("labels report audiences in the authority's words", () => {
    expect(audienceLabel("head", "en-GB")).toBe("Head teacher");
    expect(audienceLabel("governors", "en-US")).toBe("School board");
    expect(audienceLabel("authority", "en-US")).toBe("District");
  });

  it("joins audiences into one phrase", () => {
    expect(audienceList(["governors", "authority"], "en-GB")).toBe("Governors and local authority");
    expect(audienceList(["head", "governors", "authority"], "en-US")).toBe("Principal, school board and district");
    expect(audienceList(["head"])).toBe("Head teacher");
    expect(audienceList([])).toBe("");
  });
});
