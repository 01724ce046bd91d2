import type { ListedItem } from "../playlist-document";
import { EmptyState } from "../../../components/ui/empty-state";
import { ChartFrame } from "../../../components/ui/chart-frame";
import { BarChart, palette } from "../../../components/ui/charts";
import { DataTable, type Column } from "../../../components/ui/data-table";

export type ProgressEntry = {
  itemId: string;
  userId: string;
  status: "done" | "done_with_partner";
  partnerName: string | null;
  note: string;
};

const key = (userId: string, itemId: string) => `${userId}:${itemId}`;

type Leader = { id: string; name: string };

/**
 * Each leader's progress, for the facilitator: a bar per resource, from zero to all the leaders, of
 * how many have done it (the chart kit, ADR 014); as its text alternative and the detail, a table of
 * leader × resource.
 */
export function ProgressOverview({
  items,
  leaders,
  progress,
}: {
  items: ListedItem[];
  leaders: Leader[];
  progress: ProgressEntry[];
}) {
  if (leaders.length === 0)
    return (
      <EmptyState title="No leaders yet">Add school leaders to the cohort, then their progress shows here.</EmptyState>
    );
  if (items.length === 0)
    return (
      <EmptyState title="Nothing to track yet">
        Add a resource to the playlist, then you will see who has used it.
      </EmptyState>
    );
  const byKey = new Map(progress.map((p) => [key(p.userId, p.itemId), p]));
  const leaderIds = new Set(leaders.map((l) => l.id));
  const doneCount = (itemId: string) => progress.filter((p) => p.itemId === itemId && leaderIds.has(p.userId)).length;
  return (
    <div className="space-y-4">
      <ChartFrame caption="How many leaders have done each resource. The table below gives the detail.">
        <BarChart
          testId="progress-chart"
          rows={items}
          rowKey={(item) => item.id}
          rowLabel={(item) => item.title}
          max={leaders.length}
          series={[
            {
              key: "done",
              label: "Leaders who have done it",
              colour: palette.actual,
              value: (item) => doneCount(item.id),
              text: (item) => `${doneCount(item.id)} of ${leaders.length}`,
            },
          ]}
        />
      </ChartFrame>
      <DataTable
        caption="Each leader's progress on each resource"
        columns={progressColumns(items, byKey)}
        rows={leaders}
        rowKey={(l) => l.id}
        testId="progress-table"
      />
    </div>
  );
}

/** Leader, then one column per resource, then how many they have done. */
function progressColumns(items: ListedItem[], byKey: Map<string, ProgressEntry>): Column<Leader>[] {
  return [
    { key: "leader", header: "Leader", rowHeader: true, cell: (leader) => leader.name },
    ...items.map((item): Column<Leader> => ({
      key: item.id,
      header: item.title,
      className: "align-top",
      cell: (leader) => {
        const p = byKey.get(key(leader.id, item.id));
        return (
          <>
            {!p ? (
              <span className="text-slate-600">Not yet</span>
            ) : p.status === "done_with_partner" ? (
              `Done with ${p.partnerName ?? "a partner"}`
            ) : (
              "Done"
            )}
            {p?.note ? <span className="block text-xs text-slate-700">“{p.note}”</span> : null}
          </>
        );
      },
    })),
    {
      key: "done",
      header: "Done",
      cell: (leader) => `${items.filter((i) => byKey.has(key(leader.id, i.id))).length} of ${items.length}`,
    },
  ];
}
