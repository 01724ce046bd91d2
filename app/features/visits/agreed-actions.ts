/**
 * The agreed actions of a visit record are stored as the SIP typed them. To show them as a table
 * (who does what, by when) they are read back line by line: "Head teacher: share the dashboard with
 * governors by 2026-12-15". A line without "who:" has no owner; "by …" or a closing "(…)" is when.
 * Nothing typed is lost: an action that does not follow the pattern is still a row.
 */

export type AgreedAction = {
  owner: string | null;
  action: string;
  /** When, as typed ("next meeting"), or null. */
  when: string | null;
  /** `when` as an ISO date ("2026-12-15") when it is one, so it can be shown in the reader's locale. */
  date: string | null;
};

/** A break between actions: a new line, or a full stop followed by the next "Owner: " (as one typed line). */
const SPLIT = /\n+|(?<=\.)\s+(?=[A-Z][^.:\n]{0,40}:\s)/;
const OWNER = /^([^:\n\d]{1,40}):\s*(.+)$/s;
const WHEN_BRACKETS = /\s*\(([^()]{1,60})\)\.?$/;
const WHEN_BY = /,?\s+by\s+([^,]{1,40}?)\.?$/i;
const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function splitWhen(text: string): { action: string; when: string | null } {
  const match = WHEN_BRACKETS.exec(text) ?? WHEN_BY.exec(text);
  if (!match) return { action: text, when: null };
  return { action: text.slice(0, match.index).trim(), when: match[1].trim() };
}

/** The agreed actions, one per row, in the order they were written. */
export function parseAgreedActions(text: string): AgreedAction[] {
  return text
    .split(SPLIT)
    .map((line) => line.replace(BULLET, "").trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const owned = OWNER.exec(line);
      const owner = owned ? owned[1].trim() : null;
      const { action, when } = splitWhen(owned ? owned[2].trim() : line);
      return {
        owner,
        action: action.replace(/\.$/, ""),
        when,
        date: when && ISO_DATE.test(when) ? when : null,
      };
    });
}
