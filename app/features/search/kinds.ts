/** The kinds of search result, in the order the page shows them, with their plain-English group names. */
export const searchKinds = [
  { kind: "plan", label: "Improvement plans" },
  { kind: "report", label: "Reports" },
  { kind: "visit", label: "Visit records" },
  { kind: "inquiry", label: "Inquiries" },
  { kind: "playlist", label: "Playlists and resources" },
  { kind: "session", label: "Sessions and session notes" },
  { kind: "school", label: "Schools" },
  { kind: "person", label: "People" },
] as const;

export type SearchKind = (typeof searchKinds)[number]["kind"];

/** Whether a value (a `?kind=` from the address) names a kind. */
export function isSearchKind(value: unknown): value is SearchKind {
  return searchKinds.some((k) => k.kind === value);
}

/** The group name of a kind. */
export function searchKindLabel(kind: SearchKind): string {
  return searchKinds.find((k) => k.kind === kind)!.label;
}

/** Kinds that belong to no school year (left out when a year is chosen). */
export const yearlessKinds: readonly SearchKind[] = ["school", "person"];
