import type { BoardCategory } from "../../../../collab/documents/root-cause-board";
import { useBoard } from "./board-context";
import { CategoryPanel } from "./category-panel";

/**
 * The fishbone (Ishikawa) template, drawn: the problem is the fish's head on the right, a spine runs
 * to it, and each category is a bone whose notes sit on it. The drawing is SVG behind a CSS grid, so
 * the notes stay ordinary lists (keyboard, screen readers and dragging work as on the other
 * templates). Below the large-screen width the bones stack under the head, with a small fishbone
 * diagram to show the idea.
 */
const bones: Array<{ category: BoardCategory; place: string }> = [
  { category: "systems-policies", place: "lg:col-start-1 lg:row-start-1 lg:self-end" },
  { category: "knowledge", place: "lg:col-start-2 lg:row-start-1 lg:self-end" },
  { category: "skills", place: "lg:col-start-1 lg:row-start-3 lg:self-start" },
  { category: "dispositions", place: "lg:col-start-2 lg:row-start-3 lg:self-start" },
];

export function FishboneLayout() {
  return (
    <div className="space-y-4">
      <div
        className="grid gap-3 rounded-xl bg-sky-50 p-3 ring-1 ring-sky-100 sm:p-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_14rem] lg:grid-rows-[auto_5rem_auto] lg:gap-x-6 lg:gap-y-0"
        data-testid="fishbone"
      >
        <FishHead />
        <SmallFish />
        {bones.map(({ category, place }, i) => (
          <div key={category} className={`${place} ${i < 2 ? "lg:pb-1" : "lg:pt-1"}`}>
            <CategoryPanel category={category} tone="bone" />
          </div>
        ))}
        <Spine />
      </div>
      <CategoryPanel category="unsorted" />
    </div>
  );
}

/** The problem at the head of the fish. */
function FishHead() {
  const { settings } = useBoard();
  return (
    <section
      aria-labelledby="fish-head"
      className="flex min-h-32 flex-col justify-center rounded-l-xl rounded-r-[4rem] bg-brand-700 px-5 py-4 text-white shadow-md lg:col-start-3 lg:row-span-3 lg:row-start-1 lg:self-center"
      data-testid="fish-head"
    >
      <h2 id="fish-head" className="text-xs font-semibold uppercase tracking-wide text-brand-50">
        The problem
      </h2>
      <p className="mt-1 text-lg font-semibold leading-snug">
        {settings.problem || "The facilitator has not written the problem yet."}
      </p>
    </section>
  );
}

/** The spine and the four bones' ends, between the upper and lower bones (large screens). */
function Spine() {
  const stroke = { vectorEffect: "non-scaling-stroke" as const };
  return (
    <svg
      aria-hidden
      data-testid="fish-spine"
      className="hidden h-full w-[calc(100%+1.5rem)] text-slate-700 lg:col-span-2 lg:col-start-1 lg:row-start-2 lg:block"
      viewBox="0 0 1000 80"
      preserveAspectRatio="none"
    >
      <polygon points="0,8 44,40 0,72" className="fill-current" />
      <line x1="30" y1="40" x2="1000" y2="40" stroke="currentColor" strokeWidth="7" style={stroke} />
      {[120, 620].map((x) => (
        <g key={x} stroke="currentColor" strokeWidth="4" style={stroke}>
          <line x1={x} y1="0" x2={x + 170} y2="40" />
          <line x1={x} y1="80" x2={x + 170} y2="40" />
        </g>
      ))}
    </svg>
  );
}

/** A small fishbone for narrow screens, where the bones are stacked below it. */
function SmallFish() {
  return (
    <svg aria-hidden viewBox="0 0 320 90" className="mx-auto h-20 w-full max-w-xs text-slate-700 lg:hidden">
      <polygon points="4,25 30,45 4,65" className="fill-current" />
      <line x1="20" y1="45" x2="255" y2="45" stroke="currentColor" strokeWidth="4" />
      {[60, 150].map((x) => (
        <g key={x} stroke="currentColor" strokeWidth="3">
          <line x1={x} y1="8" x2={x + 45} y2="45" />
          <line x1={x} y1="82" x2={x + 45} y2="45" />
        </g>
      ))}
      <path d="M250,20 h30 a35,25 0 0 1 0,50 h-30 z" className="fill-brand-700" />
    </svg>
  );
}
