import { MAX_CSV_ROWS, parseSchoolsCsv, type CsvResult } from "./school-csv.server";

const none = () => ({ names: new Set<string>(), references: new Set<string>() });
const HEADER = "name,reference,phase,category,locality";

function errorsOf(result: CsvResult) {
  if (result.ok) throw new Error("expected the CSV to be refused");
  return result.errors;
}
function schoolsOf(result: CsvResult) {
  if (!result.ok) throw new Error(`expected the CSV to be accepted: ${JSON.stringify(result.errors)}`);
  return result.schools;
}

describe("parseSchoolsCsv: good files", () => {
  it("reads rows, accepting stored values and labels in any case", () => {
    const csv = [
      HEADER,
      "Oak Primary,100001,Primary,Targeted support,Northside",
      "Elm Academy,ELM-2,secondary,universal,Eastfield",
      '"Ash, Birch & Co School",X3,ALL-THROUGH,intensive support,  Westway  ',
    ].join("\n");
    expect(schoolsOf(parseSchoolsCsv(csv, none()))).toEqual([
      { name: "Oak Primary", reference: "100001", phase: "primary", category: "targeted", locality: "Northside" },
      { name: "Elm Academy", reference: "ELM-2", phase: "secondary", category: "universal", locality: "Eastfield" },
      {
        name: "Ash, Birch & Co School",
        reference: "X3",
        phase: "all-through",
        category: "intensive",
        locality: "Westway",
      },
    ]);
  });

  it("strips a byte-order mark, accepts CRLF, any column order and header case, and skips blank lines", () => {
    const csv =
      "\uFEFFLocality,Category,Name,Phase,Reference\r\nNorthside,Universal support,Oak Primary,Nursery,N1\r\n\r\n";
    expect(schoolsOf(parseSchoolsCsv(csv, none()))).toEqual([
      { name: "Oak Primary", reference: "N1", phase: "nursery", category: "universal", locality: "Northside" },
    ]);
  });

  it("ignores extra columns", () => {
    const csv = `${HEADER},notes\nOak Primary,1,primary,universal,Northside,hello`;
    expect(schoolsOf(parseSchoolsCsv(csv, none()))).toHaveLength(1);
  });
});

describe("parseSchoolsCsv: file-level problems", () => {
  it("an empty file", () => {
    expect(errorsOf(parseSchoolsCsv("", none()))).toEqual([{ row: 0, field: "file", message: "The file is empty." }]);
    expect(errorsOf(parseSchoolsCsv("\uFEFF\n\n", none()))[0].message).toBe("The file is empty.");
  });

  it("a header row naming the missing columns", () => {
    const [error, ...rest] = errorsOf(parseSchoolsCsv("name,phase,locality\nOak,primary,North", none()));
    expect(rest).toEqual([]);
    expect(error.row).toBe(1);
    expect(error.field).toBe("header");
    expect(error.message).toContain("missing: reference, category");
  });

  it("a header only", () => {
    expect(errorsOf(parseSchoolsCsv(`${HEADER}\n`, none()))).toEqual([
      { row: 2, field: "file", message: "There are no schools under the header row." },
    ]);
  });

  it("an unreadable CSV (unclosed quote)", () => {
    const [error] = errorsOf(parseSchoolsCsv(`${HEADER}\n"Oak Primary,1,primary,universal,North`, none()));
    expect(error.field).toBe("file");
    expect(error.message).toMatch(/^This is not a readable CSV file/);
  });

  it(`more than ${MAX_CSV_ROWS} rows, but exactly ${MAX_CSV_ROWS} is fine`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `School ${i},R${i},primary,universal,Town`);
    const tooMany = errorsOf(parseSchoolsCsv([HEADER, ...rows(MAX_CSV_ROWS + 1)].join("\n"), none()));
    expect(tooMany).toHaveLength(1);
    expect(tooMany[0].message).toContain(`at most ${MAX_CSV_ROWS}`);
    expect(schoolsOf(parseSchoolsCsv([HEADER, ...rows(MAX_CSV_ROWS)].join("\n"), none()))).toHaveLength(MAX_CSV_ROWS);
  });
});

describe("parseSchoolsCsv: row errors", () => {
  it("reports each bad field with its spreadsheet row number (header = row 1)", () => {
    const csv = [
      HEADER,
      "Oak Primary,1,primary,universal,North", // row 2: fine
      "Ok,2,primary,universal,North", // row 3: name too short
      "Elm School,bad ref!,college,universal,North", // row 4: reference and phase
      "Ash School,4,primary,,North", // row 5: category missing
      "Birch School,5,primary", // row 6: short row, category and locality missing
    ].join("\n");
    const errors = errorsOf(parseSchoolsCsv(csv, none()));
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, "name"],
      [4, "reference"],
      [4, "phase"],
      [5, "category"],
      [6, "category"],
      [6, "locality"],
    ]);
    expect(errors[0].message).toBe("The name must be at least 3 characters");
    expect(errors[2].message).toContain("Choose a phase: Nursery, Primary");
  });

  it("row numbers still match the spreadsheet after blank rows and a multi-line quoted cell", () => {
    const csv = [
      HEADER,
      "", // row 2: blank
      ",,,,", // row 3: blank cells, as spreadsheets export them
      '"Oak\nPrimary",R1,primary,universal,North', // row 4: one row despite the line break
      "Elm School,R2,primary,nope,North", // row 5: bad category
    ].join("\n");
    expect(errorsOf(parseSchoolsCsv(csv, none())).map((e) => [e.row, e.field])).toEqual([[5, "category"]]);
  });

  it("blank rows alone under the header count as no schools", () => {
    expect(errorsOf(parseSchoolsCsv(`${HEADER}\n\n,,,,\n`, none()))[0].message).toBe(
      "There are no schools under the header row.",
    );
  });

  it("duplicate names and references inside the file point to the first row (case-insensitive)", () => {
    const csv = [
      HEADER,
      "Oak Primary,R1,primary,universal,North",
      "Elm School,R2,primary,universal,North",
      "OAK PRIMARY,r2,primary,universal,North",
    ].join("\n");
    expect(errorsOf(parseSchoolsCsv(csv, none()))).toEqual([
      { row: 4, field: "name", message: '"OAK PRIMARY" is also on row 2.' },
      { row: 4, field: "reference", message: "Reference r2 is also on row 3." },
    ]);
  });

  it("a third duplicate still points to the first occurrence", () => {
    const row = "Oak Primary,R1,primary,universal,North";
    const errors = errorsOf(parseSchoolsCsv([HEADER, row, row, row].join("\n"), none()));
    expect(errors.filter((e) => e.field === "name").map((e) => [e.row, e.message])).toEqual([
      [3, '"Oak Primary" is also on row 2.'],
      [4, '"Oak Primary" is also on row 2.'],
    ]);
  });

  it("clashes with schools already in the authority (existing holds lower-cased values)", () => {
    const existing = { names: new Set(["oak primary"]), references: new Set(["r9"]) };
    const csv = [HEADER, "Oak Primary,R1,primary,universal,North", "Elm School,R9,primary,universal,North"].join("\n");
    expect(errorsOf(parseSchoolsCsv(csv, existing))).toEqual([
      { row: 2, field: "name", message: 'A school called "Oak Primary" already exists.' },
      { row: 3, field: "reference", message: "Reference R9 is already used." },
    ]);
  });

  it("returns no schools at all when any row is bad (all or nothing)", () => {
    const csv = [HEADER, "Oak Primary,R1,primary,universal,North", "Elm School,R2,primary,nope,North"].join("\n");
    const result = parseSchoolsCsv(csv, none());
    expect(result.ok).toBe(false);
    expect("schools" in result).toBe(false);
  });
});
