import { renderToStaticMarkup } from "react-dom/server";
import * as Y from "yjs";
import type { DocActor } from "../../../collab/documents/rules";
import { castDot, listRounds, openRound, revealRound, startRound } from "../../../collab/documents/voting-rounds";
import { CountdownBadge } from "./countdown-badge";
import { DotButtons } from "./dot-buttons";
import { PastRounds } from "./past-rounds";
import { RoundControls } from "./round-controls";
import { RoundResults } from "./round-results";
import { clock, playEndCue } from "./use-countdown";
import { VotingPanel } from "./voting-panel";

const facilitator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
const member: DocActor = { userId: "m", canWrite: true, isFacilitator: false };
const reader: DocActor = { userId: "r", canWrite: false, isFacilitator: false };
const items = [
  { id: "a", text: "Families do not hear from us" },
  { id: "b", text: "Letters go home in English only" },
  { id: "c", text: "Parents evening clashes with shifts" },
];
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

function votedDoc() {
  const doc = new Y.Doc();
  const round = startRound(doc, { dotsPerPerson: 3, minutes: null, startedBy: "f" });
  castDot(doc, round, "b", "m");
  castDot(doc, round, "b", "x");
  castDot(doc, round, "a", "x");
  return { doc, round };
}

describe("RoundControls", () => {
  it("offers a facilitator to start a round, and shows a member nothing when none is open", () => {
    const doc = new Y.Doc();
    const html = renderToStaticMarkup(<RoundControls doc={doc} round={null} me={{ id: "f" }} actor={facilitator} />);
    expect(html).toContain("Dots per person");
    expect(html).toContain("No time limit");
    expect(html).toContain("Start a voting round");
    expect(renderToStaticMarkup(<RoundControls doc={doc} round={null} me={{ id: "m" }} actor={member} />)).toBe("");
  });

  it("tells a member their dots left and how many voted, without any counts or a reveal button", () => {
    const { doc } = votedDoc();
    const html = renderToStaticMarkup(
      <RoundControls doc={doc} round={openRound(doc)} me={{ id: "m" }} actor={member} />,
    );
    expect(text(html)).toContain(
      "Round 1 — you have 2 of 3 dots left. Results stay hidden until the facilitator reveals them. 2 people have voted.",
    );
    expect(html).not.toContain("Reveal results");
  });

  it("gives the facilitator the reveal button, and a reader the round without 'you have'", () => {
    const { doc } = votedDoc();
    const round = openRound(doc);
    expect(
      renderToStaticMarkup(<RoundControls doc={doc} round={round} me={{ id: "f" }} actor={facilitator} />),
    ).toContain("Reveal results");
    const readerHtml = text(
      renderToStaticMarkup(<RoundControls doc={doc} round={round} me={{ id: "r" }} actor={reader} />),
    );
    expect(readerHtml).toContain("Round 1 — each person has 3 dots.");
    expect(readerHtml).not.toContain("you have");
  });
});

describe("DotButtons", () => {
  it("shows only my own dots, tied to the item's text, and draws nothing for a reader or a revealed round", () => {
    const { doc, round } = votedDoc();
    const open = openRound(doc);
    const props = { doc, round: open, itemId: "b", describedBy: "item-b" };
    const html = renderToStaticMarkup(<DotButtons {...props} me={{ id: "m" }} actor={member} />);
    expect(html).toContain("Your dots here: 1");
    expect(html).toContain('aria-label="Place a dot" aria-describedby="item-b"');
    expect(html).not.toContain("aria-disabled=");
    expect(html).toContain('role="status"');
    expect(renderToStaticMarkup(<DotButtons {...props} me={{ id: "r" }} actor={reader} />)).toBe("");
    revealRound(doc, round);
    expect(renderToStaticMarkup(<DotButtons {...props} round={openRound(doc)} me={{ id: "m" }} actor={member} />)).toBe(
      "",
    );
  });

  it("keeps the buttons focusable but marks them unusable when I have nothing to place or take back", () => {
    const doc = new Y.Doc();
    const round = startRound(doc, { dotsPerPerson: 1, minutes: null, startedBy: "f" });
    castDot(doc, round, "a", "m");
    const html = renderToStaticMarkup(
      <DotButtons doc={doc} round={openRound(doc)} me={{ id: "m" }} actor={member} itemId="b" describedBy="item-b" />,
    );
    expect(html).toContain('aria-label="Take back a dot" aria-describedby="item-b" aria-disabled="true"');
    expect(html).toContain('aria-label="Place a dot" aria-describedby="item-b" aria-disabled="true"');
    expect(html).not.toContain('disabled=""');
  });
});

describe("RoundResults and PastRounds", () => {
  it("draws nothing while the round is open, then the items by dots with a table for screen readers", () => {
    const { doc, round } = votedDoc();
    expect(renderToStaticMarkup(<RoundResults doc={doc} round={openRound(doc)} items={items} />)).toBe("");
    revealRound(doc, round, Date.UTC(2026, 11, 7, 9, 30));
    const html = renderToStaticMarkup(<RoundResults doc={doc} round={listRounds(doc)[0]} items={items} />);
    const visible = text(html);
    expect(visible.indexOf("Letters go home")).toBeLessThan(visible.indexOf("Families do not hear"));
    expect(visible).toContain("3 dots each · 2 people voted · revealed 7 Dec 2026, 09:30");
    expect(html).toContain('style="width:100%"');
    expect(html).toContain('style="width:50%"');
    expect(html).toContain("<caption>Round 1 results, most dots first</caption>");
    expect(html).toContain('<th scope="row">Letters go home in English only</th>');
    expect(visible).toContain("1 other got no dots.");
  });

  it("lists earlier rounds newest first, leaving out the one shown above", () => {
    const { doc, round } = votedDoc();
    revealRound(doc, round);
    const second = startRound(doc, { dotsPerPerson: 1, minutes: 5, startedBy: "f" });
    revealRound(doc, second);
    expect(renderToStaticMarkup(<PastRounds doc={doc} items={items} except={second} />)).toContain("Round 1 ·");
    const both = text(renderToStaticMarkup(<PastRounds doc={doc} items={items} />));
    expect(both.indexOf("Round 2 ·")).toBeLessThan(both.indexOf("Round 1 ·"));
    expect(both).toContain("No one placed a dot in this round.");
  });

  it("shows the panel's results only once revealed", () => {
    const { doc, round } = votedDoc();
    const panel = () => renderToStaticMarkup(<VotingPanel doc={doc} me={{ id: "m" }} actor={member} items={items} />);
    expect(panel()).not.toContain("results");
    expect(panel()).toContain("Voting round 1");
    revealRound(doc, round);
    expect(panel()).toContain("Round 1 results");
    expect(panel()).not.toContain("Voting round 1");
  });
});

describe("the timer's end cue", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("beeps twice through Web Audio, with no sound file, and is silent where there is no audio", () => {
    expect(playEndCue()).toBe(false); // on the server: no window
    const started: number[] = [];
    const node = () => ({ connect: (next: unknown) => next ?? node() });
    class FakeAudio {
      currentTime = 10;
      destination = {};
      createOscillator() {
        return { ...node(), type: "", frequency: { value: 0 }, start: (t: number) => started.push(t), stop: () => {} };
      }
      createGain() {
        return { ...node(), gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} } };
      }
      close = () => Promise.resolve();
    }
    vi.stubGlobal("window", { AudioContext: FakeAudio });
    expect(playEndCue()).toBe(true);
    expect(started).toEqual([10, 10.25]);
    vi.stubGlobal("window", {});
    expect(playEndCue()).toBe(false);
  });

  it("draws no countdown before the page has hydrated (the server's clock is not the browser's)", () => {
    expect(renderToStaticMarkup(<CountdownBadge endsAt={Date.now() + 60_000} />)).toBe("");
    expect(clock(245)).toBe("4:05");
  });
});
