import { renderToStaticMarkup } from "react-dom/server";
import { ChartFrame } from "./chart-frame";
import { DataTable, type Column } from "./data-table";

type Row = { id: string; name: string; score: number | null };

const rows: Row[] = [
  { id: "a", name: "Ada", score: 3 },
  { id: "b", name: "Ben", score: null },
];
const columns: Column<Row>[] = [
  { key: "name", header: "Name", rowHeader: true, cell: (r) => r.name },
  {
    key: "score",
    header: "Score",
    numeric: true,
    cell: (r) => r.score ?? "hidden",
    span: (r) => (r.score === null ? 2 : 1),
  },
  { key: "note", header: "Note", className: "italic", cell: () => "ok" },
];

describe("DataTable", () => {
  it("draws the card table: frame, hidden caption, header row, one row per item with its row header", () => {
    const html = renderToStaticMarkup(
      <DataTable
        className="mt-4"
        caption="Scores"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId="score-row"
      />,
    );
    expect(html).toMatch(
      /^<div class="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white"><table class="min-w-full text-left text-sm">/,
    );
    expect(html).toContain('<caption class="sr-only">Scores</caption>');
    expect(html).toContain('<thead class="bg-slate-100"><tr><th scope="col" class="px-3 py-2 font-semibold">Name</th>');
    expect(html).toContain('<th scope="col" class="px-3 py-2 font-semibold text-right">Score</th>');
    expect(html).toContain(
      '<tr class="border-t border-slate-200" data-testid="score-row"><th scope="row" class="px-3 py-2 font-medium">Ada</th>',
    );
    expect(html).toContain('<td class="px-3 py-2 text-right tabular-nums">3</td><td class="px-3 py-2 italic">ok</td>');
  });

  it("lets a cell span the next columns, which are then skipped", () => {
    const html = renderToStaticMarkup(<DataTable columns={columns} rows={[rows[1]]} rowKey={(r) => r.id} />);
    expect(html).toContain('<td class="px-3 py-2 text-right tabular-nums" colSpan="2">hidden</td></tr>');
    expect(html).not.toContain(">ok<");
  });

  it("shows the empty state instead of a table when there are no rows, keeping the outer classes", () => {
    const html = renderToStaticMarkup(
      <DataTable className="mt-4" empty={<p>Nothing yet</p>} columns={columns} rows={[]} rowKey={(r) => r.id} />,
    );
    expect(html).toBe('<div class="mt-4"><p>Nothing yet</p></div>');
  });

  it("still draws the header of an empty table when no empty state is given", () => {
    const html = renderToStaticMarkup(<DataTable variant="plain" columns={columns} rows={[]} rowKey={(r) => r.id} />);
    expect(html).toMatch(/^<table class="w-full text-left text-sm"><thead><tr><th scope="col">Name<\/th>/);
  });

  it("the sr-only variant hides the whole table in a clipped wrapper and adds no classes to its parts", () => {
    const html = renderToStaticMarkup(
      <DataTable variant="sr-only" caption="Scores" columns={columns.slice(0, 1)} rows={rows} rowKey={(r) => r.id} />,
    );
    expect(html).toBe(
      '<div class="sr-only"><table><caption>Scores</caption><thead><tr><th scope="col">Name</th></tr></thead>' +
        '<tbody><tr><th scope="row">Ada</th></tr><tr><th scope="row">Ben</th></tr></tbody></table></div>',
    );
  });
});

describe("ChartFrame", () => {
  const table = { caption: "Scores", columns, rows, rowKey: (r: Row) => r.id };

  it("names the figure by its title and gives the same figures as a screen-reader table", () => {
    const html = renderToStaticMarkup(
      <ChartFrame boxed id="scores" testId="scores" title="Scores by person" legend={<ul />} table={table}>
        <svg aria-hidden="true" />
      </ChartFrame>,
    );
    expect(html).toMatch(
      /^<figure class="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="scores-caption" data-testid="scores">/,
    );
    expect(html).toContain(
      '<figcaption id="scores-caption" class="font-semibold text-slate-900">Scores by person</figcaption><ul></ul><svg aria-hidden="true"></svg>',
    );
    expect(html).toContain('<div class="sr-only"><table><caption>Scores</caption>');
    expect(html).toMatch(/<\/table><\/div><\/figure>$/);
  });

  it("puts a caption under the picture, and the table behind a disclosure when asked", () => {
    const html = renderToStaticMarkup(
      <ChartFrame caption="What it shows" table={table} tableDisplay="details">
        <svg />
      </ChartFrame>,
    );
    expect(html).toMatch(
      /^<figure><svg><\/svg><figcaption class="text-sm text-slate-700">What it shows<\/figcaption><details class="mt-2">/,
    );
    expect(html).toContain("Show these results as a table</summary>");
    expect(html).toContain(
      '<div class="mt-2 overflow-x-auto"><table class="min-w-full text-left text-sm"><caption class="sr-only">Scores</caption>',
    );
    expect(html).toContain('<th scope="col" class="px-2 py-1">Name</th>');
  });
});
