/** The demo plans' self-evaluations: judgements per school and the evidence written against each area. */
import type { Judgement, PlanArea } from "../../app/kernel/plan-areas";

/** Self-evaluation judgements, one row per school (taken in turn), one column per area. */
export const judgementsBySchool: Judgement[][] = [
  ["good", "good", "good", "good", "good", "good"],
  ["requires_improvement", "good", "good", "requires_improvement", "good", "good"],
  ["requires_improvement", "requires_improvement", "good", "requires_improvement", "good", "requires_improvement"],
];
/** The evidence written against each self-evaluation area. */
export const evidence: Record<PlanArea, string> = {
  quality_of_education:
    "Curriculum plans are in place for every subject; book looks and lesson visits show they are taught well in most classes, less so in mathematics.",
  behaviour_and_attitudes:
    "Classrooms are calm and pupils are polite; attendance is below national, especially for disadvantaged pupils.",
  personal_development:
    "A broad enrichment offer with high take-up; the PSHE curriculum was reviewed with pupils this year.",
  leadership_and_management: "Governors challenge well; several middle leaders are new and developing their role.",
  early_years: "Children settle quickly; communication and language is the weakest area at the end of Reception.",
  sixth_form: "Retention from Year 12 to Year 13 is high; value added is in line with national.",
};
