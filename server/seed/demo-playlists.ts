import { getNextSession } from "../../db/queries/sessions";
import { addItem, type PlaylistItem } from "../../collab/documents/playlist";
import { createNotification } from "../../db/queries/notifications";
import { createSuggestion, saveProgress } from "../../db/queries/playlists";
import { createPracticeLog } from "../../db/queries/practice";
import { getUser } from "../../db/queries/users";
import type { DemoContext } from "./demo-context";
import { storeDocument } from "./demo-documents";

type Resource = Omit<PlaylistItem, "id" | "order" | "addedBy">;

const cohortResources: Resource[] = [
  {
    title: "Putting Evidence to Work: a school's guide to implementation",
    url: "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/implementation",
    type: "reading",
    minutes: 60,
    why: "Our inquiries end in a change to practice; this guide is how we keep that change going after the first term.",
  },
  {
    title: "Teaching and Learning Toolkit",
    url: "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit",
    type: "tool",
    minutes: 20,
    why: "A quick check of cost, evidence and impact before we commit our budgets to an approach.",
  },
  {
    title: "Consultancy protocol",
    url: "https://www.schoolreforminitiative.org/download/consultancy/",
    type: "protocol",
    minutes: 50,
    why: "The protocol we use in sessions to bring a dilemma to peers and hear them think about it without defending it.",
  },
  {
    title: "The EEF guide to the Pupil Premium",
    url: "https://educationendowmentfoundation.org.uk/support-for-schools/using-pupil-premium",
    type: "reading",
    minutes: 30,
    why: "A tiered approach to spending on the pupils who most need it: the heart of several of our equity challenges.",
  },
  {
    title: "Design thinking resources from the Stanford d.school",
    url: "https://dschool.stanford.edu/resources",
    type: "video",
    minutes: 25,
    why: "Short films and guides on empathy interviews and \u201cHow might we\u2026\u201d questions, before we draft our own.",
  },
];

const communityResources: Resource[] = [
  {
    title: "Working with Parents to Support Children's Learning",
    url: "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/supporting-parents",
    type: "reading",
    minutes: 45,
    why: "Four recommendations on engaging the families we find hardest to reach: our inquiry's starting point.",
  },
  {
    title: "Parental engagement in the Teaching and Learning Toolkit",
    url: "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit/parental-engagement",
    type: "tool",
    minutes: 15,
    why: "What the evidence says works, and what does not, before we plan next term's family events.",
  },
  {
    title: "Tuning protocol",
    url: "https://www.schoolreforminitiative.org/download/tuning-protocol/",
    type: "protocol",
    minutes: 45,
    why: "To tune each other's plans for family meetings with warm and cool feedback.",
  },
];

/** Stores a playlist built with the kind's own helpers (and its projection); returns the item ids in order. */
async function storePlaylist(db: DemoContext["db"], playlistId: string, resources: Resource[], addedBy: string) {
  let ids: string[] = [];
  await storeDocument(db, "playlist", playlistId, (doc) => {
    ids = resources.map((r) => addItem(doc, { ...r, addedBy }));
  });
  return { ids };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * The cohort's playlist (5 resources) and the "Family partnership" playlist (3), some progress, a
 * pending suggestion from head2, and practice logs shared between heads with their notifications.
 */
export async function seedPlaylistsAndPractice(ctx: DemoContext) {
  const { db, cohortId, communityId, headIds } = ctx;
  const facilitator = await getUser(db, ctx.facilitatorId);
  const curator = facilitator?.name ?? "Facilitator";

  const cohortList = await storePlaylist(db, cohortId, cohortResources, curator);
  const communityList = await storePlaylist(db, communityId, communityResources, curator);

  const [head1, head2, head3, head4, head5] = headIds;
  const mark = (playlistId: string, itemId: string, userId: string, partnerUserId: string | null, note = "") =>
    saveProgress(db, {
      playlistId,
      itemId,
      userId,
      status: partnerUserId ? "done_with_partner" : "done",
      partnerUserId,
      note,
    });
  await mark(cohortId, cohortList.ids[0], head1, null, "Used the implementation checklist with my SLT.");
  await mark(cohortId, cohortList.ids[0], head3, null);
  await mark(cohortId, cohortList.ids[1], head1, head2, "Compared our attendance options together.");
  await mark(cohortId, cohortList.ids[1], head2, head1);
  await mark(cohortId, cohortList.ids[2], head4, null);
  await mark(
    communityId,
    communityList.ids[0],
    head1,
    head2,
    "Read before our family evening; recommendation 2 hit home.",
  );
  await mark(communityId, communityList.ids[0], head2, head1);
  await mark(
    communityId,
    communityList.ids[1],
    head1,
    null,
    "Shared the toolkit page with governors before the trip subsidy debate.",
  );
  await mark(communityId, communityList.ids[2], head2, head1, "Tuned my family-meeting plan with Amira.");
  await mark(communityId, communityList.ids[2], head1, head2);
  await mark(cohortId, cohortList.ids[3], head2, null, "Our pupil premium strategy now names attendance first.");

  await createSuggestion(db, {
    playlistId: communityId,
    suggestedBy: head2,
    title: "Working together to improve school attendance (DfE guidance)",
    url: "https://www.gov.uk/government/publications/working-together-to-improve-school-attendance",
    type: "reading",
    minutes: 40,
    why: "The family support section gave me words for the first conversation with parents of persistently absent pupils.",
  });

  const session = await getNextSession(db, cohortId);
  const logs = [
    {
      author: head1,
      peer: head2,
      days: 6,
      learningApplied: "Ran a story circle with my family liaison team about the Year 6 residential deposit.",
      insight: "The families we assumed were uninterested had never been asked in a language they read.",
    },
    {
      author: head2,
      peer: head1,
      days: 4,
      learningApplied: "Tried a 'remove the bad' HMW question with governors on uniform costs.",
      insight: "Governors moved fastest when the question named one barrier, not the whole problem.",
    },
    {
      author: head3,
      peer: head4,
      days: 3,
      learningApplied: "Used the consultancy protocol in a middle leaders' meeting.",
      insight: "Holding back from answering for ten minutes brought out two ideas I would not have heard.",
    },
    {
      author: head5,
      peer: head1,
      days: 1,
      learningApplied: "Shared our attendance data with the parent forum before deciding anything.",
      insight: "Parents asked better questions of the data than we had.",
    },
  ];
  for (const l of logs) {
    const log = await createPracticeLog(db, {
      cohortId,
      authorId: l.author,
      sessionId: session?.id ?? null,
      learningApplied: l.learningApplied,
      insight: l.insight,
      sharedWithUserId: l.peer,
      createdAt: daysAgo(l.days),
    });
    const author = await getUser(db, l.author);
    await createNotification(db, {
      userId: l.peer,
      title: `${author?.name ?? "A colleague"} shared an insight with you`,
      body: l.insight,
      link: `/cohorts/${cohortId}/practice#log-${log.id}`,
    });
  }
}
