import { useMemo, useState } from "react";
import {
  playlistRules,
  resourceTypes,
  type PlaylistItem,
  type ResourceType,
} from "../../../../collab/documents/playlist";
import { may, type DocActor } from "../../../../collab/documents/rules";
import { StickyCollabStatus } from "../../../components/collab/status-bar";
import { useCollabDocument, type CollabState, type CollabUser } from "../../../components/collab/use-collab-document";
import { Card } from "../../../components/ui/card";
import { EmptyState } from "../../../components/ui/empty-state";
import { previewKey, type LinkPreview } from "../../link-previews/preview-key";
import { progressSummary, type CommunityProgress } from "../progress-summary";
import { useLinkPreviews } from "../use-link-previews";
import { usePlaylistItems } from "../use-playlist-items";
import { ItemCard } from "./item-card";
import { ItemForm } from "./item-form";
import { ProgressBar, TypeFilter, type TypeChoice } from "./playlist-controls";
import { ProgressOverview, type ProgressEntry } from "./progress-overview";
import { SuggestForm } from "./suggest-form";
import { SuggestionsPanel, type PendingSuggestion } from "./suggestions-panel";
import { SortableItems } from "./sortable-items";
import { YourSuggestions } from "./your-suggestions";

export type PlaylistViewData = {
  docName: string;
  access: "read" | "write";
  me: CollabUser;
  /** The person as the playlist's rules (collab/documents/playlist.ts) see them. */
  actor: DocActor;
  /** Cached link previews by normalised address; missing ones are asked for after the page draws. */
  previews: Record<string, LinkPreview>;
  communityProgress: CommunityProgress;
  /** Hosts whose plain-http preview images may be drawn (LINK_PREVIEW_ALLOW_HOSTS). */
  imageHttpHosts: string[];
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
  const items = usePlaylistItems(collab?.doc ?? null);
  const canCurate = may(data.actor, playlistRules.curate);
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
      {canCurate && collab ? (
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
        <div className="mt-3">{collab ? <Items collab={collab} items={items} data={data} /> : null}</div>
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
            <ProgressOverview items={items} leaders={data.leaders} progress={data.progress} />
          </Card>
        </div>
      ) : null}
    </>
  );
}

/** The ordered cards, with the type filter and the progress bar above them. */
function Items({ collab, items, data }: { collab: CollabState; items: PlaylistItem[]; data: PlaylistViewData }) {
  const [show, setShow] = useState<TypeChoice>("all");
  const urls = useMemo(() => items.map((i) => i.url), [items]);
  const previews = useLinkPreviews(data.previews, urls);
  const mine = useMemo(
    () => new Map(data.canMark ? data.progress.filter((p) => p.userId === data.me.id).map((p) => [p.itemId, p]) : []),
    [data.canMark, data.progress, data.me.id],
  );
  const counts = useMemo(() => {
    const c = Object.fromEntries(resourceTypes.map((t) => [t, 0])) as Record<ResourceType, number>;
    for (const i of items) c[i.type] = (c[i.type] ?? 0) + 1;
    return c;
  }, [items]);
  const summary = useMemo(
    () =>
      progressSummary(
        items.map((i) => i.id),
        data.canMark ? new Set(mine.keys()) : null,
        data.communityProgress,
      ),
    [items, mine, data.canMark, data.communityProgress],
  );
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
  const canWrite = may(data.actor, playlistRules.curate);
  // Reordering a filtered list would be ambiguous (where among the hidden ones?): only the whole list moves.
  const canReorder = may(data.actor, playlistRules.reorder) && show === "all";
  const shown = show === "all" ? items : items.filter((i) => i.type === show);
  return (
    <div className="space-y-4">
      <ProgressBar summary={summary} />
      <TypeFilter value={show} counts={counts} onChange={setShow} />
      {may(data.actor, playlistRules.reorder) && show !== "all" ? (
        <p className="text-sm text-slate-700">Show all types to change the order.</p>
      ) : null}
      {shown.length === 0 ? <p className="text-slate-700">No resources of this type yet.</p> : null}
      <SortableItems doc={collab.doc} items={items} enabled={canReorder}>
        <ol className="space-y-3" aria-labelledby="playlist-heading">
          {shown.map((item, i) => (
            <ItemCard
              key={item.id}
              doc={collab.doc}
              item={item}
              index={i}
              isLast={i === shown.length - 1}
              canWrite={canWrite}
              canReorder={canReorder}
              addedBy={data.me.name}
              preview={previews[previewKey(item.url) ?? ""]}
              imageHttpHosts={data.imageHttpHosts}
              mine={mine.get(item.id)}
              partners={data.canMark ? data.partners : null}
            />
          ))}
        </ol>
      </SortableItems>
    </div>
  );
}
