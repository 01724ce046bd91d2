/**
 * Suggested communities of practice: leaders whose equity challenges share tags and words are
 * grouped together, 3 to 6 to a group. Pure, so it is tested on its own; the words come from
 * Postgres full-text search (stemmed lexemes, each with a word it came from, for display).
 */

export const MIN_GROUP = 3;
export const MAX_GROUP = 6;
export const MAX_TAGS = 5;
export const MAX_TAG_LENGTH = 30;
/** Tags weigh more than words: a leader chose them on purpose. */
export const TAG_WEIGHT = 0.6;
export const WORD_WEIGHT = 0.4;

export type Candidate = {
  id: string;
  name: string;
  tags: readonly string[];
  /** Stemmed lexeme → a word it came from, e.g. { famili: "families" }. */
  words: Readonly<Record<string, string>>;
};

export type Suggestion = {
  memberIds: string[];
  memberNames: string[];
  sharedTags: string[];
  sharedWords: string[];
  /** Plain-English themes at least two members share, most shared first, e.g. ["Attendance", "Family partnership"]. */
  themes: string[];
  /** e.g. "Common themes: Attendance (4 leaders), Family partnership (2 leaders)". */
  reason: string;
  name: string;
};

/** Tags as typed ("Attendance, SEND , send") → lower-case, trimmed, de-duplicated, in order. */
export function normaliseTags(input: string): string[] {
  const tags = input
    .split(",")
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Size of the intersection over size of the union; two empty sets share nothing. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

type Prepared = { candidate: Candidate; tags: Set<string>; lexemes: Set<string> };

/**
 * Words that say nothing about who belongs together are dropped: numbers, very short words, and
 * words that more than half the challenges use (in a cohort of school leaders, "pupil" or "school").
 */
function prepare(candidates: readonly Candidate[]): Prepared[] {
  const frequency = new Map<string, number>();
  for (const c of candidates) for (const l of Object.keys(c.words)) frequency.set(l, (frequency.get(l) ?? 0) + 1);
  const tooCommon = (l: string) => candidates.length >= 4 && (frequency.get(l) ?? 0) > candidates.length / 2;
  return candidates.map((candidate) => ({
    candidate,
    tags: new Set(candidate.tags),
    lexemes: new Set(Object.keys(candidate.words).filter((l) => /^[a-z]{3,}$/.test(l) && !tooCommon(l))),
  }));
}

/** How alike two leaders' challenges are, 0 to 1: weighted Jaccard of their tags and their words. */
function similarity(a: Prepared, b: Prepared): number {
  return TAG_WEIGHT * jaccard(a.tags, b.tags) + WORD_WEIGHT * jaccard(a.lexemes, b.lexemes);
}

/** Average similarity over every pair across two groups (average linkage). */
function linkage(a: Prepared[], b: Prepared[]): number {
  let sum = 0;
  for (const x of a) for (const y of b) sum += similarity(x, y);
  return sum / (a.length * b.length);
}

/** The best pair of groups to merge within `limit` members, or null. Ties go to the earlier pair (stable). */
function bestMerge(groups: Prepared[][], limit: number, canMerge: (a: Prepared[], b: Prepared[]) => boolean) {
  let best: { i: number; j: number; score: number } | null = null;
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (groups[i].length + groups[j].length > limit || !canMerge(groups[i], groups[j])) continue;
      const score = linkage(groups[i], groups[j]);
      if (!best || score > best.score) best = { i, j, score };
    }
  }
  return best;
}

function merge(groups: Prepared[][], i: number, j: number) {
  groups[i] = [...groups[i], ...groups[j]];
  groups.splice(j, 1);
}

/**
 * Greedy agglomerative clustering: start with everyone alone, keep merging the two most alike
 * groups while they share something and stay within 6; then merge small groups (under 3) into
 * each other or into the most alike group with room. Leaders still in a group under 3 are left
 * for the facilitator to place by hand (`unplaced`).
 */
export function suggestGroupings(candidates: readonly Candidate[]): {
  suggestions: Suggestion[];
  unplaced: Candidate[];
} {
  const sorted = [...candidates].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const groups: Prepared[][] = prepare(sorted).map((p) => [p]);
  // Phase 1: merge only groups that have something in common, never two groups that are each big
  // enough already, and not past 5 while others are still alone, so the cohort splits into
  // balanced groups rather than a few of 6.
  const worthMerging = (a: Prepared[], b: Prepared[]) =>
    (a.length < MIN_GROUP || b.length < MIN_GROUP) && linkage(a, b) > 0;
  for (const limit of [MAX_GROUP - 1, MAX_GROUP]) {
    for (;;) {
      const best = bestMerge(groups, limit, worthMerging);
      if (!best) break;
      merge(groups, best.i, best.j);
    }
  }
  // Phase 2: small groups join each other, then the most alike group with room.
  for (;;) {
    const small = groups.findIndex((g) => g.length < MIN_GROUP);
    if (small === -1) break;
    let target = -1;
    let score = -1;
    groups.forEach((g, k) => {
      if (k === small || g.length + groups[small].length > MAX_GROUP) return;
      const s = linkage(groups[small], g) + (g.length < MIN_GROUP ? 1 : 0); // prefer rescuing another small group
      if (s > score) [target, score] = [k, s];
    });
    if (target === -1) break;
    merge(groups, Math.min(small, target), Math.max(small, target));
  }
  const suggestions = groups.filter((g) => g.length >= MIN_GROUP).map(explain);
  const unplaced = groups.filter((g) => g.length < MIN_GROUP).flatMap((g) => g.map((p) => p.candidate));
  suggestions.sort(
    (a, b) => b.sharedTags.length - a.sharedTags.length || a.memberNames[0].localeCompare(b.memberNames[0]),
  );
  return { suggestions, unplaced };
}

/** Items held by at least two members, most shared first, then alphabetically. */
function sharedBy<T extends string>(lists: T[][]): T[] {
  const counts = new Map<T, number>();
  for (const list of lists) for (const x of new Set(list)) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([x]) => x);
}

/**
 * The themes a facilitator would name, from the tags and words (as written) leaders used. Search
 * words such as "persist" or "famili" mean nothing to a head teacher; "Attendance" does.
 */
export const themes: ReadonlyArray<readonly [string, RegExp]> = [
  ["Attendance", /attend|absen|truan|punctual/],
  ["Reading", /\bread(s|ing|ers?)?\b|phonic|literac|oracy/],
  ["Family partnership", /famil|parent|carer|pta|home/],
  ["SEND and inclusion", /^send$|^sen$|inclus|ehcp|special educational|senco/],
  ["Exclusions and behaviour", /exclu|suspen|behaviour|reintegrat/],
  ["Disadvantaged pupils", /disadvantag|pupil premium|^pp$|^fsm$|free school meal|poverty/],
  ["Pupils new to English", /^eal$|english as an additional|new to english|newly arrived/],
  ["Early years", /early years|nurser|reception|eyfs/],
  ["Maths", /math|numera/],
];

/** The themes one text (a tag, or a word as written) belongs to. */
export function themesOf(text: string): string[] {
  const t = text.toLowerCase().trim();
  return themes.filter(([, pattern]) => pattern.test(t)).map(([name]) => name);
}

/** Themes held by at least two members, with how many hold each, most shared first (then in the list's order). */
function sharedThemes(members: Prepared[]): Array<{ theme: string; count: number }> {
  const counts = new Map<string, number>();
  for (const m of members) {
    const texts = [...m.tags, ...[...m.lexemes].map((l) => m.candidate.words[l] ?? l)];
    for (const theme of new Set(texts.flatMap(themesOf))) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  const order = themes.map(([name]) => name);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([theme, count]) => ({ theme, count }));
}

function explain(group: Prepared[]): Suggestion {
  const members = [...group].sort((a, b) => a.candidate.name.localeCompare(b.candidate.name));
  const sharedTags = sharedBy(members.map((m) => [...m.tags]));
  const lexemes = sharedBy(members.map((m) => [...m.lexemes])).slice(0, 5);
  const sharedWords = lexemes.map((l) => members.find((m) => m.candidate.words[l])!.candidate.words[l]);
  const found = sharedThemes(members);
  const everyone = members.length;
  // Themes first; a group that shares only words no theme knows is described by those words, as written.
  const reason = found.length
    ? `Common themes: ${found.map((f) => `${f.theme} (${f.count === everyone ? `all ${everyone}` : `${f.count} of ${everyone}`})`).join(", ")}`
    : sharedTags.length || sharedWords.length
      ? `In common: ${[...new Set([...sharedTags, ...sharedWords])].slice(0, 4).join(", ")}`
      : "Little in common yet: placed together to make up a group";
  return {
    memberIds: members.map((m) => m.candidate.id),
    memberNames: members.map((m) => m.candidate.name),
    sharedTags,
    sharedWords,
    themes: found.map((f) => f.theme),
    reason,
    name: found.length ? themeName(found.map((f) => f.theme)) : suggestName(sharedTags, sharedWords),
  };
}

/** "Attendance and family partnership": a starting name from the two most shared themes. */
export function themeName(names: readonly string[]): string {
  const [first, second] = names;
  if (!second) return first;
  // Sentence case, except a theme that starts with an acronym ("SEND and inclusion").
  const rest = /^[A-Z]{2,}\b/.test(second) ? second : second[0].toLowerCase() + second.slice(1);
  // Two themes that each have an "and" read better with a comma between them.
  return `${first}${/ and /.test(first + second) ? ", " : " and "}${rest}`;
}

const acronyms = new Set([
  "send",
  "sen",
  "eal",
  "pp",
  "ehcp",
  "pta",
  "ks1",
  "ks2",
  "ks3",
  "ks4",
  "fsm",
  "sendco",
  "senco",
  "dsl",
]);
const titleWord = (w: string) => (acronyms.has(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1));

/** A starting name the facilitator can change, from what the group shares most. */
export function suggestName(sharedTags: readonly string[], sharedWords: readonly string[]): string {
  const picks = (sharedTags.length ? sharedTags : sharedWords).slice(0, 2);
  if (picks.length === 0) return "New community";
  const [first, ...rest] = picks.map((p) => p.split(" ").map(titleWord).join(" "));
  return rest.length ? `${first} and ${rest[0]}` : first;
}
