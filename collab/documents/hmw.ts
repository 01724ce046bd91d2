import * as Y from "yjs";
import { defineRules } from "./rules";
import { ensureSchemaVersion, newItemId } from "./schema-version";
import { votingRoundRules } from "./voting-rounds";

/** "How might we…" questions, drafted from the board's notes, refined, voted and one chosen. */
export const HMW_SCHEMA_VERSION = 1;

export const hmwStatuses = ["draft", "refined", "chosen"] as const;
export type HmwStatus = (typeof hmwStatuses)[number];

/**
 * Who may do what with the questions: the page offers a control only when `may(actor, hmwRules.x)`
 * says so. Voting rounds (dots on questions, kept in this same document) are the generic module's
 * rules, declared beside its shape (voting-rounds.ts). The HMW document has no lock.
 */
export const hmwRules = defineRules({
  draft: { who: "member", says: "Anyone in the community may draft a question." },
  refine: { who: "member", says: "Anyone in the community may refine a question's wording." },
  react: { who: "member", says: "Everyone adds or takes back their own reactions, one of each kind per question." },
  choose: {
    who: "facilitator",
    says: "A facilitator records the question the group chose to anchor its year.",
  },
  startRound: votingRoundRules.start,
  revealRound: votingRoundRules.reveal,
  castDot: votingRoundRules.cast,
});

export type HmwQuestion = {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  sourceNoteIds: string[];
  status: HmwStatus;
  /** Votes from the first version's single "Vote" button, still counted for old documents. */
  votes: number;
};

const questionsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("questions");
const votesMap = (doc: Y.Doc) => doc.getMap<true>("votes");

/** Prepares a new HMW document. */
export function initHmw(doc: Y.Doc) {
  ensureSchemaVersion(doc, HMW_SCHEMA_VERSION);
}

function cleanText(text: string) {
  const t = text.trim();
  if (t.length < 10) throw new Error("Write the whole question (at least 10 characters).");
  if (t.length > 300) throw new Error("Keep the question under 300 characters.");
  return t;
}

/** Drafts a question, keeping the ids of the notes it came from. Returns its id. */
export function addQuestion(
  doc: Y.Doc,
  q: { text: string; authorId: string; authorName: string; sourceNoteIds?: string[] },
): string {
  const id = newItemId();
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", id);
    map.set("text", cleanText(q.text));
    map.set("authorId", q.authorId);
    map.set("authorName", q.authorName);
    map.set("createdAt", Date.now());
    map.set("sourceNoteIds", [...new Set(q.sourceNoteIds ?? [])]);
    map.set("status", "draft");
    questionsMap(doc).set(id, map);
  });
  return id;
}

/** Rewrites a question; a draft becomes refined. */
export function refineQuestion(doc: Y.Doc, id: string, text: string) {
  const q = questionsMap(doc).get(id);
  if (!q) return;
  doc.transact(() => {
    q.set("text", cleanText(text));
    if (q.get("status") === "draft") q.set("status", "refined");
  });
}

/** Toggles one person's vote on a question. */
export function toggleVote(doc: Y.Doc, id: string, userId: string) {
  const key = `${id}|${userId}`;
  if (votesMap(doc).has(key)) votesMap(doc).delete(key);
  else if (questionsMap(doc).has(id)) votesMap(doc).set(key, true);
}

/** Whether this person has voted for the question. */
export function hasVoted(doc: Y.Doc, id: string, userId: string): boolean {
  return votesMap(doc).has(`${id}|${userId}`);
}

/**
 * Marks the inquiry question. Any previously chosen one goes back to refined in the same
 * transaction; if two people choose at once, `chosenAt` (then id) decides, so every replica shows
 * exactly one chosen question.
 */
export function chooseQuestion(doc: Y.Doc, id: string) {
  const target = questionsMap(doc).get(id);
  if (!target) return;
  doc.transact(() => {
    questionsMap(doc).forEach((q) => {
      if (q !== target && q.get("status") === "chosen") q.set("status", "refined");
    });
    target.set("status", "chosen");
    target.set("chosenAt", Date.now());
  });
}

/** The one chosen question, or null. */
export function chosenQuestion(doc: Y.Doc): HmwQuestion | null {
  return listQuestions(doc).find((q) => q.status === "chosen") ?? null;
}

/** All questions, newest first, with votes counted and at most one reported as chosen. */
export function listQuestions(doc: Y.Doc): HmwQuestion[] {
  const votes = new Map<string, number>();
  votesMap(doc).forEach((_v, key) => {
    const qid = key.slice(0, key.indexOf("|"));
    votes.set(qid, (votes.get(qid) ?? 0) + 1);
  });
  const raw = [...questionsMap(doc).values()];
  const winner = raw
    .filter((q) => q.get("status") === "chosen")
    .sort(
      (a, b) =>
        (b.get("chosenAt") as number) - (a.get("chosenAt") as number) ||
        ((a.get("id") as string) < (b.get("id") as string) ? -1 : 1),
    )[0];
  return raw
    .map((q) => {
      const status = q.get("status") as HmwStatus;
      return {
        id: q.get("id") as string,
        text: q.get("text") as string,
        authorId: q.get("authorId") as string,
        authorName: (q.get("authorName") as string) ?? "",
        createdAt: q.get("createdAt") as number,
        sourceNoteIds: (q.get("sourceNoteIds") as string[]) ?? [],
        status: status === "chosen" && q !== winner ? ("refined" as const) : status,
        votes: votes.get(q.get("id") as string) ?? 0,
      };
    })
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/** What pages need of the questions: how many there are and the chosen one. */
export type HmwProjection = { questions: number; chosen: { id: string; text: string } | null };

/** Projects the questions for pages (the collaboration server stores it after each save). */
export function projectHmw(doc: Y.Doc): HmwProjection {
  const questions = listQuestions(doc);
  const chosen = questions.find((q) => q.status === "chosen");
  return { questions: questions.length, chosen: chosen ? { id: chosen.id, text: chosen.text } : null };
}

/**
 * The d.school prompts for turning a problem into "How might we…" questions. Clicking one puts
 * its `stem` into the draft; `hint` says what the prompt asks for.
 */
export const hmwPrompts = [
  {
    id: "amp-up-the-good",
    label: "Amp up the good",
    stem: "How might we do more of ",
    hint: "What already works? How might we do more of it?",
  },
  {
    id: "remove-the-bad",
    label: "Remove the bad",
    stem: "How might we take away ",
    hint: "How might we take away what gets in the way?",
  },
  {
    id: "explore-the-opposite",
    label: "Explore the opposite",
    stem: "How might we turn around ",
    hint: "What if we turned the problem on its head?",
  },
  {
    id: "question-an-assumption",
    label: "Question an assumption",
    stem: "How might we stop assuming that ",
    hint: "What are we taking for granted?",
  },
  {
    id: "go-after-adjectives",
    label: "Go after adjectives",
    stem: "How might we make it feel ",
    hint: "How might we make it welcoming, fair, quick…?",
  },
  {
    id: "identify-unexpected-resources",
    label: "Identify unexpected resources",
    stem: "How might we draw on ",
    hint: "Who or what could help that we have not asked?",
  },
  {
    id: "create-an-analogy",
    label: "Create an analogy",
    stem: "How might we make it more like ",
    hint: "What else works the way we want this to? A good shop, a club, a family kitchen…",
  },
  {
    id: "change-a-status-quo",
    label: "Change a status quo",
    stem: "How might we change the way we ",
    hint: "What do we always do that we could do differently?",
  },
  {
    id: "break-it-into-pieces",
    label: "Break the point of view into pieces",
    stem: "How might we first ",
    hint: "Which small part could we tackle first?",
  },
] as const;

export type HmwPromptId = (typeof hmwPrompts)[number]["id"];

/**
 * Reactions on a question: a small fixed set, so the same few signals mean the same thing to
 * everyone. `label` is what screen readers and tooltips say.
 */
export const hmwReactions = [
  { id: "agree", emoji: "👍", label: "Agree" },
  { id: "love", emoji: "❤️", label: "Love it" },
  { id: "idea", emoji: "💡", label: "Sparks an idea" },
  { id: "unsure", emoji: "🤔", label: "Not sure yet" },
] as const;

export type HmwReactionId = (typeof hmwReactions)[number]["id"];

const reactionsMap = (doc: Y.Doc) => doc.getMap<true>("reactions");
/** `${questionId}|${reaction}|${userId}`: the user id last, so the server can check a writer touched only their own. */
const reactionKey = (questionId: string, reaction: string, userId: string) => `${questionId}|${reaction}|${userId}`;
const isReaction = (id: string): id is HmwReactionId => hmwReactions.some((r) => r.id === id);

/** Adds this person's reaction to a question, or takes it back if they had it (one of each kind per person). */
export function toggleReaction(doc: Y.Doc, questionId: string, reaction: HmwReactionId, userId: string) {
  if (!isReaction(reaction)) throw new Error("Choose one of the reactions offered.");
  const key = reactionKey(questionId, reaction, userId);
  if (reactionsMap(doc).has(key)) reactionsMap(doc).delete(key);
  else if (questionsMap(doc).has(questionId)) reactionsMap(doc).set(key, true);
}

/** Each reaction on a question, in the fixed order: how many people gave it and whether this person did. */
export function reactionsOn(
  doc: Y.Doc,
  questionId: string,
  userId: string,
): Array<{ id: HmwReactionId; emoji: string; label: string; count: number; mine: boolean }> {
  const counts = new Map<string, number>();
  const prefix = `${questionId}|`;
  reactionsMap(doc).forEach((_v, key) => {
    if (!key.startsWith(prefix)) return;
    const reaction = key.slice(prefix.length, key.indexOf("|", prefix.length));
    counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
  });
  return hmwReactions.map((r) => ({
    ...r,
    count: counts.get(r.id) ?? 0,
    mine: reactionsMap(doc).has(reactionKey(questionId, r.id, userId)),
  }));
}
