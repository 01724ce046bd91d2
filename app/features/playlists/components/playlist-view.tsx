import { StickyCollabStatus } from "../../../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../../../components/collab/use-collab-document";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { listPlaylist } from "../playlist-document";
import { ItemCard } from "./item-card";
import { ItemForm } from "./item-form";
import { ProgressOverview, type ProgressEntry } from "./progress-overview";
import { SuggestForm } from "./suggest-form";
import { SuggestionsPanel, type PendingSuggestion } from "./suggestions-panel";
import { YourSuggestions } from "./your-suggestions";

export type PlaylistViewData = {
  docName: string;
  access: "read" | "write";
  me: CollabUser;
  canMark: boolean;
  canSuggest: boolean;
  canDecide: boolean;
  progress: Array<ProgressEntry & { partnerUserId: string | null }>;
  suggestions: Array<PendingSuggestion & { status: "pending" | "approved" | "declined" }>;
  partners: Array<{ id: string; name: string }>;
  leaders: Array<{ id: string; name: string }>;
};

/**
 * A resource playlist (a community's or a whole cohort's): the shared, ordered list that
 * facilitators curate live, each leader's own progress, suggestions, and the facilitator's view
 * of everyone's progress.
 */
export function PlaylistView({ data }: { data: PlaylistViewData }) {
  const collab = useCollabDocument(data.docName, data.me, data.access);
  return (
    <>
      <p className="mt-3 max-w-3xl text-slate-700">
        {data.access === "write"
          ? "Curate videos, readings, protocols and tools against the group's learning gaps. Changes and new order appear for everyone at once."
          : data.canMark
            ? "Resources your facilitator chose for the group's learning gaps. Use them alone or with a partner, mark them done, and suggest your own."
            : "The resources the facilitator chose for this group."}
      </p>
      <StickyCollabStatus collab={collab} opening="Opening the playlist…" />
      {data.access === "write" && collab ? (
        <div className="mt-4">
          <Card title="Add a resource">
            <ItemForm doc={collab.doc} addedBy={data.me.name} />
          </Card>
        </div>
      ) : null}
      <section aria-labelledby="playlist-heading" className="mt-6">
        <h2 id="playlist-heading" tabIndex={-1} className="text-xl font-semibold">
          Resources
        </h2>
        <div className="mt-3">{collab ? <Items collab={collab} data={data} /> : null}</div>
      </section>
      {data.canSuggest ? (
        <div className="mt-8 grid gap-6 lg:grid-cols-2">
          <section
            aria-labelledby="suggest-heading"
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id="suggest-heading" className="text-lg font-semibold">
              Suggest a resource
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Found something that helped? A facilitator will add it to the playlist once approved.
            </p>
            <div className="mt-3">
              <SuggestForm />
            </div>
          </section>
          <Card title="Your suggestions">
            <YourSuggestions suggestions={data.suggestions} />
          </Card>
        </div>
      ) : null}
      {data.canDecide && collab ? (
        <div className="mt-8 space-y-6">
          <Card title="Suggestions from leaders">
            <SuggestionsPanel doc={collab.doc} suggestions={data.suggestions} />
          </Card>
          <Card title="Leaders' progress">
            <ProgressOverview items={listPlaylist(collab.doc)} leaders={data.leaders} progress={data.progress} />
          </Card>
        </div>
      ) : null}
    </>
  );
}

function Items({ collab, data }: { collab: CollabState; data: PlaylistViewData }) {
  const items = listPlaylist(collab.doc);
  if (!collab.synced && items.length === 0) return <p className="text-slate-700">Loading the playlist…</p>;
  if (items.length === 0) {
    return (
      <EmptyState title="No resources yet">
        {data.access === "write"
          ? "Add the first resource with the form above: a video, reading, protocol or tool, and why it matters."
          : data.canSuggest
            ? "Your facilitator has not added any resources yet. Found something useful? Suggest it below."
            : "The facilitator has not added any resources yet."}
      </EmptyState>
    );
  }
  const mine = new Map(
    data.canMark ? data.progress.filter((p) => p.userId === data.me.id).map((p) => [p.itemId, p]) : [],
  );
  return (
    <ol className="space-y-3" aria-labelledby="playlist-heading">
      {items.map((item, i) => (
        <ItemCard
          key={item.id}
          doc={collab.doc}
          item={item}
          index={i}
          count={items.length}
          canWrite={data.access === "write"}
          addedBy={data.me.name}
          progress={data.canMark ? { mine: mine.get(item.id), partners: data.partners } : undefined}
        />
      ))}
    </ol>
  );
}
