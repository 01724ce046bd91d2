import type * as Y from "yjs";
import { listQuestions, type HmwStatus } from "../../../collab/documents/hmw";
import { inquiryFields, inquiryFragment } from "../../../collab/documents/inquiry";
import {
  boardCategories,
  getBoardSettings,
  listClusters,
  listNotes,
  shownDots,
  type BoardCategory,
} from "../../../collab/documents/root-cause-board";
import { listRounds, roundResults } from "../../../collab/documents/voting-rounds";
import { boardCategoryLabels } from "../../kernel/board-categories";
import { richTextBlocks, type TextBlock } from "./rich-text-blocks";

/** What an export of a community's inquiry holds: every step, as plain data each format renders. */
export type InquiryExport = {
  communityName: string;
  cohortName: string;
  /** The day of the export, already written in the authority's locale. */
  exportedOn: string;
  stories: Array<{ name: string; blocks: TextBlock[] }>;
  needed: Array<{ name: string; blocks: TextBlock[] }>;
  peerChecks: Array<{ names: [string, string]; blocks: TextBlock[] }>;
  board: BoardExport;
  questions: QuestionExport[];
  /** Each member school's plan priorities the inquiry is linked to (titles only for readers of that plan). */
  links: LinkExport[];
};

export type NoteExport = { text: string; authorName: string; dots: number };
export type BoardExport = {
  problem: string;
  columns: Array<{
    category: BoardCategory;
    label: string;
    /** Notes in no named group first (name null), then each named group in the board's order. */
    groups: Array<{ name: string | null; notes: NoteExport[] }>;
  }>;
};
export type QuestionExport = { text: string; authorName: string; status: HmwStatus; dots: number };
export type LinkExport = { memberName: string; schoolName: string; count: number; titles: string[] | null };

type Person = { id: string; name: string };

/** The board in columns: every category, "not yet sorted" only when it holds notes. */
export function boardExport(board: Y.Doc): BoardExport {
  const notes = listNotes(board);
  const dots = shownDots(board);
  const clusters = listClusters(board);
  const note = (n: (typeof notes)[number]): NoteExport => ({
    text: n.text,
    authorName: n.authorName,
    dots: dots.get(n.id) ?? 0,
  });
  const columns = boardCategories
    .map((category) => {
      const inColumn = notes.filter((n) => n.category === category);
      const named = clusters.filter((c) => c.category === category);
      const loose = inColumn.filter((n) => !named.some((c) => c.id === n.clusterId));
      const groups = [
        { name: null, notes: loose.map(note) },
        ...named.map((c) => ({ name: c.name, notes: inColumn.filter((n) => n.clusterId === c.id).map(note) })),
      ].filter((g) => g.name !== null || g.notes.length > 0);
      return { category, label: boardCategoryLabels[category], groups };
    })
    .filter((c) => c.category !== "unsorted" || c.groups.some((g) => g.notes.length > 0));
  return { problem: getBoardSettings(board).problem, columns };
}

/**
 * The questions, the chosen one first, then newest first, each with the dots of the latest revealed
 * round (or the votes of the first version's single button, on older documents).
 */
export function questionsExport(hmw: Y.Doc): QuestionExport[] {
  const latest = listRounds(hmw)
    .filter((r) => r.revealedAt !== null)
    .at(-1);
  const dots = new Map(latest ? roundResults(hmw, latest.id).map((r) => [r.itemId, r.dots]) : []);
  return listQuestions(hmw)
    .map((q) => ({
      text: q.text,
      authorName: q.authorName,
      status: q.status,
      dots: latest ? (dots.get(q.id) ?? 0) : q.votes,
    }))
    .sort((a, b) => Number(b.status === "chosen") - Number(a.status === "chosen"));
}

/**
 * Every step of the inquiry from its three shared documents. Peer checks: each current pair, and
 * any pair's notes written before the pairs changed, so nothing written is left out; but, as on the
 * inquiry page (ADR 019), a member who is not a facilitator gets only their own pairs' notes
 * (`onlyPairsOf`: their id).
 */
export function inquiryExport(input: {
  community: { name: string; cohortName: string; members: Person[] };
  pairs: Array<[string, string]>;
  inquiry: Y.Doc;
  board: Y.Doc;
  hmw: Y.Doc;
  links: LinkExport[];
  exportedOn: string;
  onlyPairsOf?: string | null;
}): InquiryExport {
  const { community, inquiry } = input;
  const nameOf = (id: string) => community.members.find((m) => m.id === id)?.name ?? "A former member";
  const blocks = (field: string) => richTextBlocks(inquiryFragment(inquiry, field));
  const pairFields = new Map(input.pairs.map(([a, b]) => [inquiryFields.peerCheck(a, b), [a, b] as const]));
  for (const field of inquiry.share.keys()) {
    if (!field.startsWith("peer-check/") || pairFields.has(field)) continue;
    const [a, b] = field.slice("peer-check/".length).split("+");
    if (a && b && blocks(field).length > 0) pairFields.set(field, [a, b]);
  }
  const mine = input.onlyPairsOf;
  if (mine) for (const [field, pair] of pairFields) if (!pair.includes(mine)) pairFields.delete(field);
  return {
    communityName: community.name,
    cohortName: community.cohortName,
    exportedOn: input.exportedOn,
    stories: community.members.map((m) => ({ name: m.name, blocks: blocks(inquiryFields.story(m.id)) })),
    needed: community.members.map((m) => ({ name: m.name, blocks: blocks(inquiryFields.needed(m.id)) })),
    peerChecks: [...pairFields].map(([field, [a, b]]) => ({ names: [nameOf(a), nameOf(b)], blocks: blocks(field) })),
    board: boardExport(input.board),
    questions: questionsExport(input.hmw),
    links: input.links,
  };
}
