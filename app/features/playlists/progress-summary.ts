/**
 * The progress bar's figures: this leader's resources done out of those listed now, and the
 * community's share of (leaders x resources) done. Counted against the live list, so a resource a
 * facilitator removes stops counting at once. Isomorphic and pure, so it is tested without a page.
 */
export type CommunityProgress = { leaderCount: number; doneByItem: Record<string, number> };

export type ProgressSummary = { mine: number | null; total: number; communityPercent: number | null };

export function progressSummary(
  itemIds: readonly string[],
  mineDone: ReadonlySet<string> | null,
  community: CommunityProgress,
): ProgressSummary {
  const total = itemIds.length;
  const mine = mineDone ? itemIds.filter((id) => mineDone.has(id)).length : null;
  const possible = total * community.leaderCount;
  const done = itemIds.reduce((sum, id) => sum + Math.min(community.doneByItem[id] ?? 0, community.leaderCount), 0);
  return { mine, total, communityPercent: possible === 0 ? null : Math.round((done / possible) * 100) };
}

/** The bar's words: "4 of 9 done; the community: 62%". */
export function progressWords({ mine, total, communityPercent }: ProgressSummary): string {
  const community = communityPercent === null ? null : `the community: ${communityPercent}%`;
  if (mine === null) return community ? `The community has done ${communityPercent}% of the resources.` : "";
  return community ? `${mine} of ${total} done; ${community}` : `${mine} of ${total} done`;
}
