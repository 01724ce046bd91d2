import { hmwStatusLabel, STEP_TITLES, notWritten } from "./inquiry-words";
import type { InquiryExport } from "./inquiry-data";
import type { TextBlock } from "./rich-text-blocks";

/**
 * Escapes people's words for Markdown: every character that could start or end formatting, a link,
 * HTML or a table cell is backslash-escaped, and a line that would read as a heading, quote, list
 * or rule has its opening escaped. Line breaks inside a paragraph stay as hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) =>
      line
        .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
        // "1. " or "1) " at the start would become a numbered list; "- " a bullet; "= " / "- " runs a heading underline.
        .replace(/^(\s*)(\d+)([.)])/, "$1$2\\$3")
        .replace(/^(\s*)([-=])/, "$1\\$2"),
    )
    .join("  \n");
}

/** One block of a section as Markdown; a section's own headings sit below the export's (level 4 and deeper). */
function blockMarkdown(block: TextBlock): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, 3 + block.level))} ${escapeMarkdown(block.text)}`;
    case "quote":
      return escapeMarkdown(block.text)
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");
    case "list":
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${escapeMarkdown(item).replace(/\n/g, "\n   ")}`)
        .join("\n");
    default:
      return escapeMarkdown(block.text);
  }
}

const section = (blocks: TextBlock[]) => (blocks.length ? blocks.map(blockMarkdown).join("\n\n") : `_${notWritten}_`);

/** The whole inquiry as a Markdown document: every step under its own heading, in the order the group works. */
export function inquiryMarkdown(data: InquiryExport): string {
  const out: string[] = [
    `# ${escapeMarkdown(data.communityName)}: our inquiry`,
    `${escapeMarkdown(data.cohortName)}. Exported on ${escapeMarkdown(data.exportedOn)}.`,
  ];
  out.push(`## 1. ${STEP_TITLES.stories}`);
  for (const s of data.stories) out.push(`### ${escapeMarkdown(s.name)}`, section(s.blocks));
  out.push(`## 2. ${STEP_TITLES.needed}`);
  for (const s of data.needed) out.push(`### ${escapeMarkdown(s.name)}`, section(s.blocks));
  out.push(`## 3. ${STEP_TITLES.peerCheck}`);
  if (data.peerChecks.length === 0) out.push("_No pairs yet._");
  for (const p of data.peerChecks) out.push(`### ${escapeMarkdown(p.names.join(" and "))}`, section(p.blocks));
  out.push(`## 4. ${STEP_TITLES.board}`);
  if (data.board.problem) out.push(`Problem: ${escapeMarkdown(data.board.problem)}`);
  for (const column of data.board.columns) {
    out.push(`### ${column.label}`);
    const lines = column.groups.flatMap((g) => [
      ...(g.name ? [`- **${escapeMarkdown(g.name)}**`] : []),
      ...g.notes.map(
        (n) =>
          `${g.name ? "  " : ""}- ${escapeMarkdown(n.text)} (${escapeMarkdown(n.authorName)}; ${dotsLabel(n.dots)})`,
      ),
    ]);
    out.push(lines.length ? lines.join("\n") : "_No notes._");
  }
  out.push(`## 5. ${STEP_TITLES.questions}`);
  const chosen = data.questions.find((q) => q.status === "chosen");
  out.push(
    chosen
      ? `**Our inquiry question:** ${escapeMarkdown(chosen.text)}`
      : "_The group has not chosen its question yet._",
  );
  if (data.questions.length)
    out.push(
      data.questions
        .map(
          (q) =>
            `- ${escapeMarkdown(q.text)} (${hmwStatusLabel[q.status]}; ${escapeMarkdown(q.authorName)}; ${dotsLabel(q.dots)})`,
        )
        .join("\n"),
    );
  out.push(`## 6. ${STEP_TITLES.plan}`);
  if (data.links.length === 0) out.push("_No member leads a school._");
  for (const l of data.links) out.push(`- ${escapeMarkdown(`${l.memberName}, ${l.schoolName}`)}: ${linkSummary(l)}`);
  return `${out.join("\n\n")}\n`;
}

export const dotsLabel = (dots: number) => (dots === 1 ? "1 dot" : `${dots} dots`);

/** What the export says of one school's links: the titles to readers of that plan, else only how many. */
export function linkSummary(link: InquiryExport["links"][number], escape = escapeMarkdown): string {
  if (link.count === 0) return "not linked to a priority yet";
  if (!link.titles) return link.count === 1 ? "linked to 1 priority" : `linked to ${link.count} priorities`;
  return link.titles.map(escape).join("; ");
}
