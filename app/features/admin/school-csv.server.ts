import { parse } from "csv-parse/sync";
import { schoolCategories, schoolPhases } from "../../../db/schema/school-options";
import { categoryLabels, phaseLabels } from "../../kernel/school-phases";
import { CSV_COLUMNS, MAX_CSV_ROWS } from "./school-csv";
import { SchoolSchema, type SchoolInput } from "./schema";

export { CSV_COLUMNS, MAX_CSV_ROWS };

export type RowError = { row: number; field: string; message: string };
export type CsvResult = { ok: true; schools: SchoolInput[] } | { ok: false; errors: RowError[] };

// Accept the stored value or its label in any case ("Primary", "targeted support").
function lookup(values: readonly string[], labels: Record<string, string>, raw: string) {
  const v = raw.trim().toLowerCase();
  return values.find((x) => x === v || labels[x].toLowerCase() === v) ?? raw;
}

/**
 * Parses and checks a CSV of schools. Row numbers are as a spreadsheet shows them (the header is
 * row 1). Clashes with `existing` (names and references already in the authority) and duplicates
 * inside the file are errors too, so the caller can import all rows or none.
 */
export function parseSchoolsCsv(text: string, existing: { names: Set<string>; references: Set<string> }): CsvResult {
  let records: string[][];
  try {
    // Blank lines are kept (and dropped below) so each record's index is its spreadsheet row.
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, trim: true });
  } catch (error) {
    return {
      ok: false,
      errors: [{ row: 0, field: "file", message: `This is not a readable CSV file (${(error as Error).message}).` }],
    };
  }
  const numbered = records
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c !== ""));
  if (numbered.length === 0) return { ok: false, errors: [{ row: 0, field: "file", message: "The file is empty." }] };

  const header = numbered[0].cells.map((h) => h.trim().toLowerCase());
  const headerRow = numbered[0].row;
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      ok: false,
      errors: [
        {
          row: headerRow,
          field: "header",
          message: `The first row must name the columns; missing: ${missing.join(", ")}.`,
        },
      ],
    };
  }
  const rows = numbered.slice(1);
  if (rows.length === 0) {
    return {
      ok: false,
      errors: [{ row: headerRow + 1, field: "file", message: "There are no schools under the header row." }],
    };
  }
  if (rows.length > MAX_CSV_ROWS) {
    return {
      ok: false,
      errors: [{ row: 0, field: "file", message: `Import at most ${MAX_CSV_ROWS} schools at a time.` }],
    };
  }

  const errors: RowError[] = [];
  const schools: SchoolInput[] = [];
  const seenNames = new Map<string, number>();
  const seenRefs = new Map<string, number>();
  rows.forEach(({ row, cells }) => {
    const raw = Object.fromEntries(CSV_COLUMNS.map((c) => [c, cells[header.indexOf(c)] ?? ""]));
    raw.phase = lookup(schoolPhases, phaseLabels, raw.phase);
    raw.category = lookup(schoolCategories, categoryLabels, raw.category);
    const parsed = SchoolSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "")));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row, field: String(issue.path[0]), message: issue.message });
      return;
    }
    const s = parsed.data;
    const name = s.name.toLowerCase();
    const ref = s.reference.toLowerCase();
    if (existing.names.has(name))
      errors.push({ row, field: "name", message: `A school called "${s.name}" already exists.` });
    else if (seenNames.has(name))
      errors.push({ row, field: "name", message: `"${s.name}" is also on row ${seenNames.get(name)}.` });
    if (existing.references.has(ref))
      errors.push({ row, field: "reference", message: `Reference ${s.reference} is already used.` });
    else if (seenRefs.has(ref))
      errors.push({
        row,
        field: "reference",
        message: `Reference ${s.reference} is also on row ${seenRefs.get(ref)}.`,
      });
    seenNames.set(name, seenNames.get(name) ?? row);
    seenRefs.set(ref, seenRefs.get(ref) ?? row);
    schools.push(s);
  });
  return errors.length ? { ok: false, errors } : { ok: true, schools };
}
