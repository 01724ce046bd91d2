/**
 * The authority's words for the people and bodies around a school: en-GB (head teacher, governors,
 * local authority, Ofsted) or en-US (principal, school board, district, state review). The one
 * source of role labels. Labels only.
 */
import type { ReportAudienceName, Role } from "./permissions";

export type Terminology = "en-GB" | "en-US";

export type Terms = {
  head: string;
  governors: string;
  authority: string;
  inspection: string;
};

const roleWords: Record<Terminology, Record<Role, string>> = {
  "en-GB": {
    school_leader: "Head teacher",
    facilitator: "Facilitator",
    sip: "School Improvement Partner",
    authority_admin: "Local authority admin",
    governor: "Governor",
  },
  "en-US": {
    school_leader: "Principal",
    facilitator: "Facilitator",
    sip: "School Improvement Partner",
    authority_admin: "District admin",
    governor: "School board member",
  },
};

const words: Record<Terminology, Omit<Terms, "head">> = {
  "en-GB": { governors: "Governors", authority: "Local authority", inspection: "Ofsted" },
  "en-US": { governors: "School board", authority: "District", inspection: "State review" },
};

/** The words a person in this authority uses for a role. */
export function roleLabel(role: Role, terminology: Terminology = "en-GB"): string {
  return roleWords[terminology][role];
}

/** Every label a report needs, in the authority's words. */
export function termsFor(terminology: Terminology = "en-GB"): Terms {
  return { head: roleLabel("school_leader", terminology), ...words[terminology] };
}

/** Who a report section is addressed to, in the authority's words ("Head teacher", "Governors"…). */
export function audienceLabel(audience: ReportAudienceName, terminology: Terminology = "en-GB"): string {
  const terms = termsFor(terminology);
  return audience === "head" ? terms.head : audience === "governors" ? terms.governors : terms.authority;
}

/** "Head teacher, governors and local authority": a list of audiences as one phrase. */
export function audienceList(audiences: readonly ReportAudienceName[], terminology: Terminology = "en-GB"): string {
  const labels = audiences.map((a, i) =>
    i === 0 ? audienceLabel(a, terminology) : audienceLabel(a, terminology).toLowerCase(),
  );
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}
