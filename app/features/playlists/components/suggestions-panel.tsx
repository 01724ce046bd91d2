import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import type * as Y from "yjs";
import type { ResourceType } from "../../../../collab/documents/playlist";
import { resourceTypeLabels } from "../schema";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorList } from "../../../components/ui/field";
import { addSuggestedItem, alreadyListed } from "../playlist-document";

export type PendingSuggestion = {
  id: string;
  title: string;
  url: string;
  type: ResourceType;
  minutes: number;
  why: string;
  suggestedByName: string;
};

/** The facilitator's queue of leaders' suggestions. */
export function SuggestionsPanel({ doc, suggestions }: { doc: Y.Doc; suggestions: PendingSuggestion[] }) {
  if (suggestions.length === 0) {
    return (
      <EmptyState title="No suggestions waiting">
        When a leader suggests a resource, it appears here for you to approve or decline.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-3" aria-label="Suggestions waiting for a decision">
      {suggestions.map((s) => (
        <SuggestionRow key={s.id} doc={doc} suggestion={s} />
      ))}
    </ul>
  );
}

/** The two decisions on a suggestion, as buttons. */
const decisions = [
  {
    intent: "approve",
    label: "Approve",
    className:
      "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60",
  },
  {
    intent: "decline",
    label: "Decline",
    className:
      "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-60",
  },
] as const;

/**
 * Approving puts the resource into the shared document here in the browser (recording the
 * suggestion's id on it, so it is never added twice), then records the decision on the server.
 */
function SuggestionRow({ doc, suggestion: s }: { doc: Y.Doc; suggestion: PendingSuggestion }) {
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const listed = alreadyListed(doc, { suggestionId: s.id, url: s.url });
  const busy = fetcher.state !== "idle";
  const decide = (intent: "approve" | "decline") => {
    if (intent === "approve") {
      try {
        addSuggestedItem(doc, s.id, {
          title: s.title,
          url: s.url,
          type: s.type,
          minutes: s.minutes,
          why: s.why,
          addedBy: s.suggestedByName,
        });
      } catch (error) {
        setProblem(error instanceof Error ? error.message : "That did not work. Please try again.");
        return;
      }
    }
    setProblem(null);
    fetcher.submit({ intent, suggestionId: s.id }, { method: "post" });
  };
  const titleId = `suggestion-${s.id}-title`;
  return (
    <li className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-suggestion-id={s.id}>
      <p id={titleId} className="font-semibold">
        <a href={s.url} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
          {s.title}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </p>
      <p className="text-sm text-slate-700">
        {resourceTypeLabels[s.type]} · {s.minutes} min · suggested by {s.suggestedByName}
      </p>
      <p className="mt-1 text-slate-800">{s.why}</p>
      {listed ? (
        <p className="mt-1 text-sm text-slate-700">
          This resource is already in the playlist: approving will not add it again.
        </p>
      ) : null}
      <ErrorList
        errors={
          problem
            ? [problem]
            : fetcher.data && !fetcher.data.ok
              ? [fetcher.data.error ?? "That did not work. Please reload the page."]
              : null
        }
      />
      <div className="mt-2 flex gap-2">
        {decisions.map(({ intent, label, className }) => (
          <button
            key={intent}
            type="button"
            disabled={busy}
            aria-describedby={titleId}
            onClick={() => decide(intent)}
            className={className}
          >
            {label}
          </button>
        ))}
      </div>
    </li>
  );
}
