import type * as Y from "yjs";
import { addQuestion, chooseQuestion, refineQuestion, toggleVote } from "../../collab/documents/hmw";
import { inquiryFields, writeParagraphs } from "../../collab/documents/inquiry";
import { addNote, vote } from "../../collab/documents/root-cause-board";
import { createCommunity } from "../../db/queries/communities";
import { demoHeadNames } from "./demo-data";
import type { DemoContext } from "./demo-context";
import { storeDocument } from "./demo-documents";
import { communitySeeds, type CommunitySeed } from "./demo-story-data";

const DAY = 86_400_000;

/**
 * The year so far for each community of practice: the members' stories and "what I needed", a peer
 * assumption check, the root-cause board sorted into the four categories and dot-voted, and the
 * "How might we…" questions with votes (one chosen where the group has chosen). "Family partnership"
 * already exists (the core seed made it); the lighter communities are made here from the leaders
 * whose challenges fit them, leaving the rest for the facilitator's grouping suggestions.
 */
export async function seedCommunityStories(ctx: DemoContext) {
  const { db, cohortId, headIds } = ctx;
  const head = (n: number) => ({ id: headIds[n - 1], name: demoHeadNames[n - 1] });
  // One after the other: the seed runs inside one transaction (one connection).
  for (const [i, seed] of communitySeeds.entries()) {
    const communityId =
      i === 0
        ? ctx.communityId
        : (await createCommunity(db, { cohortId, name: seed.name, memberIds: seed.heads.map((n) => head(n).id) })).id;
    await storeDocument(db, "inquiry", communityId, (doc) => writeInquiry(doc, seed, head));
    const noteIds = new Map<string, string>();
    await storeDocument(db, "root-cause-board", communityId, (doc) => writeBoard(doc, seed, head, noteIds));
    await storeDocument(db, "hmw", communityId, (doc) => writeQuestions(doc, seed, head, noteIds));
  }
}

type Head = (n: number) => { id: string; name: string };

function writeInquiry(doc: Y.Doc, seed: CommunitySeed, head: Head) {
  for (const [n, paragraphs] of Object.entries(seed.stories))
    writeParagraphs(doc, inquiryFields.story(head(Number(n)).id), paragraphs);
  for (const [n, paragraphs] of Object.entries(seed.needed))
    writeParagraphs(doc, inquiryFields.needed(head(Number(n)).id), paragraphs);
  if (seed.peerCheck) {
    const [a, b] = seed.peerCheck.pair;
    writeParagraphs(doc, inquiryFields.peerCheck(head(a).id, head(b).id), seed.peerCheck.paragraphs);
  }
}

function writeBoard(doc: Y.Doc, seed: CommunitySeed, head: Head, noteIds: Map<string, string>) {
  for (const note of seed.notes) {
    const author = head(note.head);
    noteIds.set(
      note.key,
      addNote(doc, { text: note.text, authorId: author.id, authorName: author.name, category: note.category }),
    );
  }
  for (const [n, key] of seed.dots) {
    // `vote` keeps each person within the board's budget: a seed asking for more would be a bug.
    if (!vote(doc, noteIds.get(key)!, head(n).id)) throw new Error(`demo: ${seed.name}: head ${n} has no dots left`);
  }
}

function writeQuestions(doc: Y.Doc, seed: CommunitySeed, head: Head, noteIds: Map<string, string>) {
  const ids = seed.questions.map((q) => {
    const author = head(q.head);
    const id = addQuestion(doc, {
      text: q.text,
      authorId: author.id,
      authorName: author.name,
      sourceNoteIds: q.from.map((key) => noteIds.get(key)!),
    });
    if (q.refined) refineQuestion(doc, id, q.refined);
    for (const n of q.votes) toggleVote(doc, id, head(n).id);
    return id;
  });
  // Drafted a minute apart in the root-causes session four weeks ago, so the list has the same order
  // on every start (the helper stamps "now", the same instant for every question here).
  const drafted = Date.now() - 28 * DAY;
  const questions = doc.getMap<Y.Map<unknown>>("questions");
  ids.forEach((id, k) => questions.get(id)?.set("createdAt", drafted + k * 60_000));
  if (seed.chosen !== null) chooseQuestion(doc, ids[seed.chosen]);
}
