/** Comment threads on plan items: pure grouping and counting, shared by loaders and tests. */

export type CommentLike = {
  id: string;
  subjectKind: string;
  subjectId: string;
  parentId: string | null;
  resolvedAt: Date | string | null;
  createdAt: Date | string;
};

export type Thread<C extends CommentLike> = { root: C; replies: C[]; resolved: boolean };
export type ThreadCounts = { open: number; resolved: number };

const key = (kind: string, id: string) => `${kind}:${id}`;

/**
 * Groups comments into threads per item (`kind:id`): a thread is a first comment and its replies,
 * oldest first; open threads come before resolved ones. A reply whose parent is missing is dropped
 * rather than shown out of context.
 */
export function groupThreads<C extends CommentLike>(comments: readonly C[]): Map<string, Thread<C>[]> {
  const roots = new Map<string, Thread<C>>();
  const time = (c: C) => new Date(c.createdAt).getTime();
  const sorted = [...comments].sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : 1));
  for (const c of sorted) if (!c.parentId) roots.set(c.id, { root: c, replies: [], resolved: c.resolvedAt !== null });
  for (const c of sorted) if (c.parentId) roots.get(c.parentId)?.replies.push(c);
  const bySubject = new Map<string, Thread<C>[]>();
  for (const t of roots.values()) {
    const k = key(t.root.subjectKind, t.root.subjectId);
    bySubject.set(k, [...(bySubject.get(k) ?? []), t]);
  }
  for (const list of bySubject.values()) list.sort((a, b) => Number(a.resolved) - Number(b.resolved));
  return bySubject;
}

/** The threads on one item (an empty list when there are none). */
export function threadsFor<C extends CommentLike>(
  grouped: Map<string, Thread<C>[]>,
  kind: string,
  id: string,
): Thread<C>[] {
  return grouped.get(key(kind, id)) ?? [];
}

/** How many threads on these items are open and how many resolved. */
export function countThreads(threads: readonly { resolved: boolean }[]): ThreadCounts {
  const resolved = threads.filter((t) => t.resolved).length;
  return { open: threads.length - resolved, resolved };
}

/** "2 open", "2 open · 1 resolved", "1 resolved", or "none yet": only the counts that say something. */
export function describeCounts({ open, resolved }: ThreadCounts): string {
  if (open + resolved === 0) return "none yet";
  return [open ? `${open} open` : "", resolved ? `${resolved} resolved` : ""].filter(Boolean).join(" · ");
}
