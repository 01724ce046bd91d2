import type * as Y from "yjs";
import type { Change, KeyChange } from "./changes";
import { fieldsOf } from "./changes";
import type { DocActor } from "./rules";

/**
 * The write rules of a document kind, checked by the collaboration server on every incoming
 * update before it is applied, broadcast or stored (docs/decisions/024). Each kind declares its
 * guard beside its shape, from the same `defineRules` the pages use to offer a control.
 */
export type Writer = DocActor & { userName: string };

export type GuardContext = {
  writer: Writer;
  /** The server's copy of the document with the change applied (the whole update is refused if any part is). */
  doc: Y.Doc;
  /** The server's clock. */
  now: number;
};

/** Why a change is refused, in words the writer's page can show; null when it is allowed. */
export type Verdict = string | null;

export type DocGuard = {
  /** Roots that are maps with fixed names (typed in the server's copy before anything arrives). */
  mapRoots: readonly string[];
  /** Checks one change. */
  check(change: Change, ctx: GuardContext): Verdict;
  /** Checks across the whole update once every change passed (budgets that count several keys). */
  checkAll?(changes: Change[], ctx: GuardContext): Verdict;
  /** The rich-text roots (edited with Tiptap): everything inserted there must be something the editor can draw. */
  isRichText?(root: string): boolean;
};

export const UNKNOWN = "This document has no such part, so the change was not kept.";

/** The schema stamp: written once, by the first writer, with the kind's version. */
export function checkMeta(change: Change, version: number): Verdict {
  if (change.key === "schemaVersion" && change.action === "add" && change.value === version && change.path.length === 0)
    return null;
  return "The document's version cannot be changed.";
}

/**
 * A record's own entry for a key a writer chose. A plain `record[key]` also finds what every
 * object inherits ("isPrototypeOf", "constructor"): called as a check, such a method answered
 * false, which the guard read as "allowed", so a modified client could add those keys.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A value check: null when the value is acceptable, else why not. */
export type FieldCheck = (value: unknown, ctx: GuardContext) => Verdict;

export const isString =
  (min: number, max: number, what: string): FieldCheck =>
  (v) =>
    typeof v === "string" && v.trim().length >= min && v.length <= max
      ? null
      : `${what} must be ${min > 0 ? `${min} to ` : "at most "}${max} characters.`;

export const isNumber =
  (what: string): FieldCheck =>
  (v) =>
    typeof v === "number" && Number.isFinite(v) ? null : `${what} must be a number.`;

export const isInteger =
  (min: number, max: number, what: string): FieldCheck =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `${what} must be between ${min} and ${max}.`;

export const isOneOf =
  (values: readonly unknown[], what: string): FieldCheck =>
  (v) =>
    values.includes(v) ? null : `${what} is not one of the choices offered.`;

export const isId: FieldCheck = (v) =>
  typeof v === "string" && v.length > 0 && v.length <= 64 && !v.includes("|") ? null : "An id is not well formed.";

export const orNull =
  (check: FieldCheck): FieldCheck =>
  (v, ctx) =>
    v === null ? null : check(v, ctx);

export const isWriter: FieldCheck = (v, ctx) =>
  v === ctx.writer.userId ? null : "Something can only be written in your own name.";

export const isWritersName: FieldCheck = (v, ctx) =>
  v === ctx.writer.userName ? null : "Something can only be written in your own name.";

/**
 * A new item (a Y.Map placed under its id): exactly the fields the shape knows, each passing its
 * check; `required` fields must be there. Returns why not, or null.
 */
export function checkNewItem(
  change: KeyChange,
  fields: Record<string, FieldCheck>,
  required: readonly string[],
  ctx: GuardContext,
): Verdict {
  const item = fieldsOf(change.value);
  if (!item) return "An item must be a shared map.";
  if (item.get("id") !== change.key) return "An item's id must match where it is placed.";
  for (const name of required) if (!item.has(name)) return `An item is missing its ${name}.`;
  for (const [name, value] of item) {
    const check = ownEntry(fields, name);
    if (!check) return `An item has a field "${name.slice(0, 40)}" the page never writes.`;
    const why = check(value, ctx);
    if (why) return why;
  }
  return null;
}

/** Splits a key of bars ("round|item|user"), or null when it does not have `parts` non-empty parts. */
export function splitKey(key: string, parts: number): string[] | null {
  const split = key.split("|");
  return split.length === parts && split.every((p) => p.length > 0) ? split : null;
}
