import type { NewSchool } from "../../db/queries/schools";

/** The demo authority's fifteen schools: realistic names, phases, support categories and localities. */
export const demoSchools: Array<Omit<NewSchool, "authorityId">> = [
  { name: "Ashby Vale Primary School", reference: "KB100101", phase: "primary", category: "universal", locality: "Ashby Vale" },
  { name: "St Aidan's CofE Primary School", reference: "KB100102", phase: "primary", category: "targeted", locality: "Kingsmere Central" },
  { name: "Northfield Academy", reference: "KB100103", phase: "secondary", category: "intensive", locality: "Northfield" },
  { name: "Riverside Community College", reference: "KB100104", phase: "secondary", category: "targeted", locality: "Riverside" },
  { name: "Hollin Moor Infant and Nursery School", reference: "KB100105", phase: "nursery", category: "universal", locality: "Hollin Moor" },
  { name: "Kingsmere Park Junior School", reference: "KB100106", phase: "primary", category: "universal", locality: "Kingsmere Central" },
  { name: "Oakfield Special School", reference: "KB100107", phase: "special", category: "targeted", locality: "Ashby Vale" },
  { name: "Brambley Hedge Primary School", reference: "KB100108", phase: "primary", category: "intensive", locality: "Northfield" },
  { name: "The Meadows All-Through School", reference: "KB100109", phase: "all-through", category: "targeted", locality: "Riverside" },
  { name: "Fernside Pupil Referral Unit", reference: "KB100110", phase: "alternative-provision", category: "intensive", locality: "Kingsmere Central" },
  { name: "St Mary's Catholic High School", reference: "KB100111", phase: "secondary", category: "universal", locality: "Hollin Moor" },
  { name: "Wexcombe Primary School", reference: "KB100112", phase: "primary", category: "targeted", locality: "Riverside" },
  { name: "Castle Hill Secondary School", reference: "KB100113", phase: "secondary", category: "universal", locality: "Northfield" },
  { name: "Larkrise Primary School", reference: "KB100114", phase: "primary", category: "universal", locality: "Ashby Vale" },
  { name: "Greenway Infant School", reference: "KB100115", phase: "primary", category: "targeted", locality: "Hollin Moor" },
];

export const demoHeadNames = [
  "Amira Hussain", "Ben Okafor", "Claire Whitfield", "Dev Patel", "Eleanor Price",
  "Femi Adeyemi", "Grace Liu", "Harriet Doyle", "Imran Sheikh", "Julia Novak",
  "Kwame Mensah", "Laura Bennett", "Marcus Reid", "Nadia Rahman", "Owen Hughes",
];
