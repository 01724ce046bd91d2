import type { BoardCategory, StickyNote } from "../../../collab/documents/root-cause-board";

/**
 * Pale sticky-note colours: each is a Tailwind 100 shade under slate-900 text (contrast above 12:1),
 * with a 300 border so notes stay apart for people who do not tell the fills apart.
 */
const palette = [
  "bg-yellow-100 border-yellow-300",
  "bg-sky-100 border-sky-300",
  "bg-emerald-100 border-emerald-300",
  "bg-violet-100 border-violet-300",
  "bg-rose-100 border-rose-300",
  "bg-orange-100 border-orange-300",
  "bg-teal-100 border-teal-300",
  "bg-lime-100 border-lime-300",
] as const;

const byCategory: Record<BoardCategory, string> = {
  unsorted: palette[0],
  "systems-policies": palette[1],
  knowledge: palette[2],
  skills: palette[3],
  dispositions: palette[4],
};

/** Each person chooses how the notes are coloured on their screen (the board looks the same to others). */
export type ColourBy = "category" | "author";

/** A note's fill and border classes. */
export function noteColour(note: StickyNote, by: ColourBy): string {
  if (by === "category") return byCategory[note.category];
  let hash = 0;
  for (const ch of note.authorId) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length];
}
