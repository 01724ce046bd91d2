/** The shape of a person's "To do" list, shared by the service that computes it and the list that shows it. */
import type { DateStyle } from "../../kernel/dates";

/** Which of a person's roles an item comes from (a person may hold several). */
export type TodoRole = "head" | "sip" | "facilitator" | "admin" | "governor";

/** One thing to do, as a link to the page where it is done. */
export type TodoItem = {
  /** Stable across requests, for React keys and tests. */
  key: string;
  role: TodoRole;
  /**
   * What to do, in words; "{date}" marks where `when` goes. The date is formatted in the browser's
   * render too, in the authority's zone (useDateContext), so the service never formats dates.
   */
  text: string;
  href: string;
  when?: { value: string; style: DateStyle };
  /** Short lines shown under the link (a session's agenda). */
  details?: string[];
};

export type TodoList = {
  items: TodoItem[];
  /** What the person can expect next, for when nothing is waiting. */
  whatNext: string;
};

/** Plural helper for counts shown as text: "1 comment", "3 comments". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
