/**
 * What the demo communities wrote: stories, "what I needed", peer notes, root-cause notes and
 * "How might we…" questions. People are named by their place in the demo (head 1 … head 15) and
 * notes by a short key, so dots and questions can point at them.
 */
import type { BoardCategory } from "../../collab/documents/root-cause-board";

export type NoteSeed = { key: string; head: number; category: BoardCategory; text: string };
export type QuestionSeed = {
  head: number;
  text: string;
  /** The wording the group settled on, when it was refined. */
  refined?: string;
  from: string[];
  votes: number[];
};
export type CommunitySeed = {
  name: string;
  heads: number[];
  stories: Record<number, string[]>;
  needed: Record<number, string[]>;
  peerCheck?: { pair: [number, number]; paragraphs: string[] };
  notes: NoteSeed[];
  /** Dots: [head, note key] once per dot, within the board's budget of 3 each. */
  dots: Array<[number, string]>;
  questions: QuestionSeed[];
  /** The index in `questions` of the inquiry question, when the group has chosen one. */
  chosen: number | null;
};

const familyPartnership: CommunitySeed = {
  name: "Family partnership",
  heads: [1, 2],
  stories: {
    1: [
      "In the autumn term, attendance of our pupil premium children was 89%, against 95% for everyone else. When I looked behind the figure it was not a large group: eleven families accounted for over half of the missed sessions, and most of them had younger children in Reception and Year 1 too.",
      "We did what the guidance says. The office rang on the first morning of every absence, we sent the letters, and I met three families formally. Attendance for those children went down, not up. One mother told our family liaison officer that she had stopped answering the phone because 'it is only ever the school telling me off'.",
      "The same term our PTA raised more than ever, and almost all of it went on the Year 6 residential. The deposit was due in one payment six weeks before, and the children who could not go were, again, the children of those eleven families. I could see the pattern, but I could not find a way to change it in time for them.",
    ],
    2: [
      "St Aidan's has a proud tradition of parents' evenings: every slot is booked within a day. Last year I looked at who booked them. Fewer than half of the families of disadvantaged pupils came, and almost none of the families who speak a language other than English at home.",
      "Our phonics results for those same children were twelve points behind their classmates at the end of Year 1. The teachers knew exactly what each child needed to practise at home; we simply had no way to tell the families who most needed to hear it.",
      "I tried an extra evening and a reminder text. Two more families came. I realised we had designed the whole thing around the families who already trust us, and I did not know how to start designing it around the ones who do not.",
    ],
  },
  needed: {
    1: [
      "I needed to know what the eleven families would have said if anyone had asked them, before we decided what to do to them.",
      "I also needed a way of paying for trips that did not depend on a parent having £60 in one go, and the confidence to change a PTA habit that everyone else was happy with.",
    ],
    2: [
      "I needed time with families outside the school day, and a member of staff who speaks Polish and Romanian to be there when we ask.",
      "Most of all I needed to stop treating 'hard to reach' as a description of the families rather than of our school.",
    ],
  },
  peerCheck: {
    pair: [1, 2],
    paragraphs: [
      "Assumption we checked: that families who do not come to school events are not interested in their child's learning. Neither of us had evidence for it; both of us had evidence against it (the queue at the Christmas play, the questions at the school gate).",
      "Agreed next step: each of us asks five families, in person and away from the office, what would make it easier to talk to the school. We bring their words, not our summary, to the next session.",
    ],
  },
  notes: [
    {
      key: "calls",
      head: 1,
      category: "systems-policies",
      text: "Our first-day calling script is about the absence, never about what the family needs.",
    },
    {
      key: "deposit",
      head: 1,
      category: "systems-policies",
      text: "Trip deposits are due in one payment, six weeks before the trip.",
    },
    {
      key: "evenings",
      head: 2,
      category: "systems-policies",
      text: "Parents' evenings run 3.30–6 pm, when many of our parents are on shift.",
    },
    {
      key: "never-asked",
      head: 2,
      category: "knowledge",
      text: "We have never asked families why they stay away; we have only guessed.",
    },
    {
      key: "data",
      head: 1,
      category: "knowledge",
      text: "Teachers have not seen our attendance figures by pupil group, only the whole-school number.",
    },
    {
      key: "languages",
      head: 2,
      category: "knowledge",
      text: "We do not know which families have no English at home, or no internet.",
    },
    {
      key: "first-conversation",
      head: 1,
      category: "skills",
      text: "Few staff feel confident having a first conversation about absence that does not sound like blame.",
    },
    {
      key: "letters",
      head: 2,
      category: "skills",
      text: "Our letters home are written in school language, not plain English.",
    },
    {
      key: "dont-care",
      head: 2,
      category: "dispositions",
      text: "Some of us believe, quietly, that 'those parents don't care'.",
    },
    {
      key: "their-problem",
      head: 1,
      category: "dispositions",
      text: "We treat low attendance as the family's problem to fix, not ours to solve with them.",
    },
    {
      key: "judged",
      head: 1,
      category: "dispositions",
      text: "Parents who had a hard time at school themselves expect to be judged when they come in.",
    },
  ],
  dots: [
    [1, "never-asked"],
    [1, "first-conversation"],
    [1, "their-problem"],
    [2, "never-asked"],
    [2, "never-asked"],
    [2, "evenings"],
  ],
  questions: [
    {
      head: 2,
      text: "How might we hear from the families we never see at parents' evening?",
      from: ["never-asked", "evenings"],
      votes: [2],
    },
    {
      head: 1,
      text: "How might we make the first call about an absence less like a telling-off?",
      refined:
        "How might we make the first call about an absence a conversation about what would help the child come to school?",
      from: ["calls", "first-conversation", "their-problem"],
      votes: [1, 2],
    },
    {
      head: 1,
      text: "How might we take money out of the way of trips and clubs for disadvantaged pupils?",
      from: ["deposit"],
      votes: [1],
    },
    {
      head: 2,
      text: "How might we help every adult in school see attendance as ours to solve with families?",
      refined: "How might we help every adult in school see low attendance as ours to solve with families, not theirs?",
      from: ["their-problem", "dont-care", "judged"],
      votes: [],
    },
  ],
  chosen: 1,
};

const attendance: CommunitySeed = {
  name: "Attendance for every pupil",
  heads: [3, 4, 5, 6],
  stories: {
    3: [
      "Persistent absence in Year 9 is 31% for pupils eligible for free school meals. Our attendance officer works on sixty cases at once and can only react to the worst of them.",
      "I moved two of those cases to pastoral leads in September. Both pupils were back in full-time lessons by half term, which told me the problem is capacity and relationships, not procedure.",
    ],
    5: [
      "Every winter our nursery attendance falls to 84% for the families in temporary accommodation on the Hollin Moor estate. The children start Reception already behind in communication and language.",
    ],
  },
  needed: {
    3: [
      "I needed a way to spread attendance work across the adults pupils already trust, without losing sight of the pattern.",
    ],
  },
  notes: [
    { key: "one-officer", head: 3, category: "systems-policies", text: "One attendance officer for 1,100 pupils." },
    {
      key: "housing",
      head: 5,
      category: "knowledge",
      text: "We find out a family has moved into temporary housing weeks after it happens.",
    },
    {
      key: "tutor",
      head: 4,
      category: "skills",
      text: "Tutors are not trained to spot the early signs of a pupil drifting away.",
    },
    { key: "blame", head: 6, category: "dispositions", text: "Absence is talked about as defiance, not as a signal." },
    {
      key: "bus",
      head: 5,
      category: "systems-policies",
      text: "No bus from the estate arrives before the nursery session starts.",
    },
  ],
  dots: [
    [3, "one-officer"],
    [4, "tutor"],
    [5, "housing"],
    [6, "blame"],
    [6, "tutor"],
  ],
  questions: [
    {
      head: 3,
      text: "How might we make one trusted adult responsible for each persistently absent pupil?",
      from: ["one-officer", "tutor"],
      votes: [3, 4, 6],
    },
    {
      head: 5,
      text: "How might we know within a week when a family's housing changes?",
      from: ["housing"],
      votes: [5],
    },
  ],
  chosen: 0,
};

const reading: CommunitySeed = {
  name: "Reading at home and school",
  heads: [11, 12, 13, 15],
  stories: {
    11: [
      "A third of our Year 7 pupil premium pupils arrive reading below their age. Catch-up sessions clash with option subjects, so the pupils who need them most are the ones who miss out on music and design.",
    ],
  },
  needed: {},
  notes: [
    {
      key: "timetable",
      head: 11,
      category: "systems-policies",
      text: "Catch-up reading is timetabled against options.",
    },
    { key: "scheme", head: 12, category: "knowledge", text: "Our reading scheme assumes English is spoken at home." },
    { key: "boys", head: 13, category: "unsorted", text: "Boys stop reading for pleasure in Year 8." },
    {
      key: "phonics-home",
      head: 15,
      category: "skills",
      text: "Parents are not shown how we teach phonics, so practice at home differs.",
    },
  ],
  dots: [
    [11, "timetable"],
    [15, "phonics-home"],
  ],
  questions: [
    {
      head: 12,
      text: "How might we make reading at home work for families who do not read English?",
      from: ["scheme", "phonics-home"],
      votes: [12, 15],
    },
  ],
  chosen: null,
};

/** Family partnership (the flagship: heads 1 and 2) first, then the lighter communities. */
export const communitySeeds: CommunitySeed[] = [familyPartnership, attendance, reading];
