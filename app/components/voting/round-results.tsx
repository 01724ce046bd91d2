import { roundResults, voters, type VotingRound } from "../../../collab/documents/voting-rounds";
import { FormattedDate } from "../date-context";
import { DataTable } from "../ui/data-table";
import type * as Y from "yjs";
import { dotsText, votersText, type VotableItem } from "./types";

type Row = { itemId: string; text: string; dots: number };

/** A revealed round's results, under its heading: the items by dots, most first. */
export function RoundResults({
  doc,
  round,
  items,
}: {
  doc: Y.Doc;
  /** A revealed round (nothing is drawn for a round still open: its counts are hidden). */
  round: VotingRound | null;
  items: VotableItem[];
}) {
  if (!round || round.revealedAt === null) return null;
  const headingId = `round-${round.id}-results`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="round-results"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Round {round.number} results
      </h2>
      <ResultsList doc={doc} round={round} items={items} />
    </section>
  );
}

/**
 * The results without a heading (PastRounds puts them under each round's summary): when and how the
 * round ran, a bar per item drawn in CSS (so the server renders it too), and the same figures as a
 * table for screen readers.
 */
export function ResultsList({ doc, round, items }: { doc: Y.Doc; round: VotingRound; items: VotableItem[] }) {
  const texts = new Map(items.map((i) => [i.id, i.text]));
  const rows: Row[] = roundResults(doc, round.id).map((r) => ({
    ...r,
    text: texts.get(r.itemId) ?? "An item since removed",
  }));
  const most = rows[0]?.dots ?? 0;
  const without = items.filter((i) => !rows.some((r) => r.itemId === i.id)).length;
  return (
    <div>
      <p className="mt-1 text-sm text-slate-700">
        {dotsText(round.dotsPerPerson)} each · {votersText(voters(doc, round.id), true)}
        {round.revealedAt !== null ? (
          <>
            {" "}
            · revealed <FormattedDate value={new Date(round.revealedAt)} style="medium-date-time" />
          </>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="mt-3 text-slate-700">No one placed a dot in this round.</p>
      ) : (
        <>
          <ol aria-hidden className="mt-3 space-y-3" data-testid="result-rows">
            {rows.map((r) => (
              <li key={r.itemId} data-item-id={r.itemId}>
                <div className="flex items-start justify-between gap-3">
                  <span className="text-slate-900">{r.text}</span>
                  <span className="shrink-0 font-semibold tabular-nums text-slate-900">{dotsText(r.dots)}</span>
                </div>
                <div className="mt-1 h-2 rounded-full bg-slate-100">
                  <div className="h-2 rounded-full bg-brand-600" style={{ width: `${(r.dots / most) * 100}%` }} />
                </div>
              </li>
            ))}
          </ol>
          {/* In a clipped box: a table ignores the 1 px width of .sr-only and would widen a phone's page. */}
          <div className="sr-only">
            <DataTable
              variant="sr-only"
              caption={`Round ${round.number} results, most dots first`}
              columns={[
                { key: "item", header: "Item", rowHeader: true, cell: (r: Row) => r.text },
                { key: "dots", header: "Dots", numeric: true, cell: (r: Row) => r.dots },
              ]}
              rows={rows}
              rowKey={(r) => r.itemId}
            />
          </div>
        </>
      )}
      {without > 0 && rows.length > 0 ? (
        <p className="mt-3 text-sm text-slate-700">
          {without === 1 ? "1 other got no dots." : `${without} others got no dots.`}
        </p>
      ) : null}
    </div>
  );
}
