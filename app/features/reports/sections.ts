/**
 * What a SIP report is made of: section kinds, who each is addressed to by default, the forms that
 * edit them (one zod schema per form, used in the browser and by the action), and the text a new
 * report is prefilled with from the school's plan. Pure: shared by routes, queries' callers and seeds.
 */
import { z } from "zod";
import type { ReportAudienceName } from "../../kernel/permissions";
import type { TargetFigures } from "../../kernel/plan-areas";
import type { Terms } from "../../kernel/terminology";

export const audienceNames = ["head", "governors", "authority"] as const satisfies readonly ReportAudienceName[];

export const sectionKinds = [
  "self_evaluation",
  "priorities_targets",
  "progress",
  "actions",
  "package_of_support",
  "head_performance",
  "other",
] as const;
export type SectionKind = (typeof sectionKinds)[number];

const everyone: ReportAudienceName[] = ["head", "governors", "authority"];

/** The audiences a section of this kind starts with. Advice on the head's performance management is confidential to governors and the authority. */
export function defaultAudiences(kind: SectionKind): ReportAudienceName[] {
  return kind === "head_performance" ? ["governors", "authority"] : [...everyone];
}

/** A section's default heading, in the authority's words. */
export function defaultHeading(kind: SectionKind, terms: Terms): string {
  switch (kind) {
    case "self_evaluation":
      return "Self-evaluation";
    case "priorities_targets":
      return "Priorities and targets";
    case "progress":
      return "Progress";
    case "actions":
      return "Actions";
    case "package_of_support":
      return "Package of support";
    case "head_performance":
      return `Advice on the ${terms.head.toLowerCase()}'s performance management`;
    default:
      return "Further notes";
  }
}

export const CreateReportSchema = z.object({
  title: z
    .string({ required_error: "Enter a title for the report" })
    .trim()
    .min(3, "The title must be at least 3 characters")
    .max(160, "The title must be at most 160 characters"),
});

export const SectionSchema = z.object({
  sectionId: z.string().uuid("That section no longer exists"),
  heading: z
    .string({ required_error: "Enter a heading" })
    .trim()
    .min(2, "The heading must be at least 2 characters")
    .max(160, "The heading must be at most 160 characters"),
  body: z.string().trim().max(20_000, "The text must be at most 20,000 characters").default(""),
  audiences: z
    .array(z.enum(audienceNames), { required_error: "Choose at least one audience" })
    .min(1, "Choose at least one audience"),
});

export const NewSectionSchema = z.object({
  heading: z
    .string({ required_error: "Enter a heading for the new section" })
    .trim()
    .min(2, "The heading must be at least 2 characters")
    .max(160, "The heading must be at most 160 characters"),
});

/** The school's plan, as the prefill reads it (read-only summaries of the plan tables). */
export type PlanSummary = {
  selfEvaluations: Array<{ area: string; judgement: string; evidence: string }>;
  priorities: Array<{
    id: string;
    title: string;
    area: string;
    targets: TargetFigures[];
    actions: Array<{ description: string; owner: string; due: string; status: string }>;
    progress: Array<{ body: string; createdAt: string }>;
  }>;
};

export type SupportLink = {
  schoolName: string;
  headName: string | null;
  headEmail: string | null;
  priorityTitle: string;
};

/** "quality_of_education" → "Quality of education". */
export function humanise(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "+6.2 pp" / "−1.5 pp": a change in percentage points. */
export function formatPp(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : ""}${Math.abs(rounded).toFixed(1)} pp`;
}

/** One line naming a brokered school for the package of support. */
export function supportLine(link: SupportLink): string {
  const contact = link.headName ? ` Contact: ${link.headName}${link.headEmail ? ` (${link.headEmail})` : ""}.` : "";
  return `Brokered link with ${link.schoolName} on "${link.priorityTitle}".${contact}`;
}

const none = (what: string) => `The plan has no ${what} yet.`;

/** The sections a new report starts with, prefilled from the plan; the SIP edits them from here. */
export function prefillSections(plan: PlanSummary, support: SupportLink[], terms: Terms) {
  const { priorities } = plan;
  const text: Record<Exclude<SectionKind, "other">, string> = {
    self_evaluation: plan.selfEvaluations.length
      ? plan.selfEvaluations
          .map((s) => `${humanise(s.area)}: ${humanise(s.judgement)}.${s.evidence ? ` ${s.evidence}` : ""}`)
          .join("\n")
      : none("self-evaluation"),
    priorities_targets: priorities.length
      ? priorities
          .map((p) =>
            [
              `${p.title} (${humanise(p.area)})`,
              ...p.targets.map(
                (t) => `- ${t.measure}, ${t.studentGroup}: from ${t.baseline}% to ${t.target}% by ${t.byWhen}`,
              ),
            ].join("\n"),
          )
          .join("\n\n")
      : none("priorities"),
    progress: progressText(priorities),
    actions: priorities.some((p) => p.actions.length)
      ? priorities
          .filter((p) => p.actions.length)
          .map((p) =>
            [
              p.title,
              ...p.actions.map(
                (a) => `- ${a.description} (${a.owner}, due ${a.due}): ${humanise(a.status).toLowerCase()}`,
              ),
            ].join("\n"),
          )
          .join("\n\n")
      : none("actions"),
    package_of_support: support.length
      ? support.map(supportLine).join("\n")
      : "Support agreed with the school (visits, training, links with other schools or agencies).",
    head_performance: `Confidential advice to the ${terms.governors.toLowerCase()} on the ${terms.head.toLowerCase()}'s performance management.`,
  };
  const kinds = Object.keys(text) as Array<keyof typeof text>;
  return kinds.map((kind, position) => ({
    kind,
    heading: defaultHeading(kind, terms),
    body: text[kind],
    audiences: defaultAudiences(kind),
    position,
  }));
}

function progressText(priorities: PlanSummary["priorities"]): string {
  const lines = priorities.flatMap((p) => {
    const measured = p.targets
      .filter((t) => t.actual !== null)
      .map(
        (t) => `- ${t.measure}, ${t.studentGroup}: ${t.actual}% (${formatPp(t.actual! - t.baseline)} since baseline)`,
      );
    const notes = p.progress.map((u) => `- ${u.createdAt.slice(0, 10)}: ${u.body}`);
    return measured.length || notes.length ? [[p.title, ...measured, ...notes].join("\n")] : [];
  });
  return lines.length ? lines.join("\n\n") : none("measured progress");
}
