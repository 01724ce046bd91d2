import type { InquiryExport } from "./inquiry-data";

/** Words people could type that each format must show as written (for the builders' tests). */
export const HOSTILE = `<script>alert("x")</script> & 'quotes' **bold** _it_ [link](http://evil.example) | pipe`;

/** An inquiry export with every step written, one hostile story and a chosen question (for tests). */
export const sampleExport: InquiryExport = {
  communityName: "Family partnership",
  cohortName: "Kingsmere leaders 2026",
  exportedOn: "8 December 2026",
  stories: [
    {
      name: "Ann Head",
      blocks: [
        { kind: "heading", level: 2, text: "Autumn term" },
        { kind: "paragraph", text: "Attendance of our pupil premium children was 89%." },
        { kind: "list", ordered: false, items: ["Rang families", "Sent letters"] },
      ],
    },
    { name: "Bob <Lead>", blocks: [{ kind: "paragraph", text: HOSTILE }] },
  ],
  needed: [
    { name: "Ann Head", blocks: [{ kind: "quote", text: "I needed to know what families would say." }] },
    { name: "Bob <Lead>", blocks: [] },
  ],
  peerChecks: [{ names: ["Ann Head", "Bob <Lead>"], blocks: [{ kind: "paragraph", text: "Assumption we checked." }] }],
  board: {
    problem: "Families stay away",
    columns: [
      {
        category: "systems-policies",
        label: "Systems and policies",
        groups: [
          { name: null, notes: [{ text: "Trip deposits are due in one payment.", authorName: "Ann Head", dots: 3 }] },
          { name: "Meetings", notes: [{ text: "Evenings run 3.30–6 pm.", authorName: "Bob <Lead>", dots: 1 }] },
        ],
      },
      { category: "knowledge", label: "Knowledge", groups: [{ name: null, notes: [] }] },
    ],
  },
  questions: [
    {
      text: "How might we signal to families that we are on their side?",
      authorName: "Ann Head",
      status: "chosen",
      dots: 4,
    },
    { text: "How might we pay for trips in instalments?", authorName: "Bob <Lead>", status: "draft", dots: 0 },
  ],
  links: [
    {
      memberName: "Ann Head",
      schoolName: "Hollybank Primary",
      count: 1,
      titles: ["Attendance of disadvantaged pupils"],
    },
    { memberName: "Bob <Lead>", schoolName: "St Aidan's", count: 2, titles: null },
  ],
};
