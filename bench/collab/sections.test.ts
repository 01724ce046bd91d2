import { describe, expect, it } from "vitest";
import { inquiryFields } from "../../collab/documents/inquiry";
import { GuardedRoom } from "../../collab/guard-harness";
import { probeMarker } from "./clients";
import { sectionLength, sectionPlainText, sectionsLength, Typist, writeProbe } from "./sections";

// The load generator's writes must pass the inquiry's write rules, or ours would close its sockets
// (code 4422) mid-benchmark and the comparison with ours-unguarded would measure refusals.
describe("the benchmark's writes into an inquiry", () => {
  it("are accepted by the write rules: keys, bursts and probes, each in the writer's own section", () => {
    const room = new GuardedRoom("inquiry");
    const ada = room.join({ userId: "ada" });
    const ben = room.join({ userId: "ben" });
    const adaTypist = new Typist(ada, inquiryFields.story("ada"));
    const benTypist = new Typist(ben, inquiryFields.story("ben"));
    for (let i = 0; i < 30; i++) adaTypist.key();
    for (let i = 0; i < 3; i++) benTypist.burst(10);
    writeProbe(ada, inquiryFields.needed("ada"), probeMarker("0-1", 12.5));
    writeProbe(ada, inquiryFields.needed("ada"), probeMarker("0-2", 99.25));
    expect(room.refusals).toEqual([]);
    const fields = [inquiryFields.story("ada"), inquiryFields.story("ben")];
    expect(sectionsLength(room.server, fields)).toBe(adaTypist.typed + benTypist.typed);
    expect(sectionsLength(ben, fields)).toBe(60);
    // A probe replaces its marker, so the section holds only the latest one.
    expect(sectionPlainText(ben, inquiryFields.needed("ada"))).toBe("~PROBE~0-2:99.25~");
  });

  it("would be refused in someone else's section (the rules are really checking them)", () => {
    const room = new GuardedRoom("inquiry");
    const ben = room.join({ userId: "ben" });
    new Typist(ben, inquiryFields.story("ada")).key();
    expect(room.refusals).toEqual([
      { userId: "ben", why: "Only the person this section belongs to, or a facilitator, can write in it." },
    ]);
    expect(sectionLength(room.server, inquiryFields.story("ada"))).toBe(0);
  });

  it("keep typing at the person's cursor in a section they wrote before (a reopened document)", () => {
    const room = new GuardedRoom("inquiry");
    const first = room.join({ userId: "ada" });
    new Typist(first, inquiryFields.story("ada")).burst(10);
    const again = room.join({ userId: "ada" });
    const typist = new Typist(again, inquiryFields.story("ada"));
    for (let i = 0; i < 5; i++) typist.key();
    expect(room.refusals).toEqual([]);
    // Still one paragraph: the typist continued the existing one instead of adding another.
    expect(room.server.getXmlFragment(inquiryFields.story("ada")).length).toBe(1);
    expect(sectionPlainText(room.server, inquiryFields.story("ada"))).toBe("abcdefghijabcde");
  });
});
