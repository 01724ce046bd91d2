import { EmptyState } from "../../../components/ui/empty-state";

const statusLabels = {
  pending: "Waiting for a facilitator",
  approved: "Approved: in the playlist",
  declined: "Not added this time",
} as const;

/** What a leader has suggested for this playlist, and what became of it. */
export function YourSuggestions({
  suggestions,
}: {
  suggestions: Array<{ id: string; title: string; status: keyof typeof statusLabels }>;
}) {
  if (suggestions.length === 0) {
    return (
      <EmptyState title="You have not suggested anything yet">
        Use the form to suggest a video, reading, protocol or tool.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-2" aria-label="Your suggestions">
      {suggestions.map((s) => (
        <li key={s.id} className="flex flex-wrap justify-between gap-2 border-b border-slate-200 pb-2 text-sm">
          <span className="font-medium">{s.title}</span>
          <span className="text-slate-700">{statusLabels[s.status]}</span>
        </li>
      ))}
    </ul>
  );
}
