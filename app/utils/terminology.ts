/**
 * The authority's words for the people and bodies around a school, beyond the role labels in
 * roles.ts (which this extends, so there is one source): en-GB (head teacher, governors, local
 * authority, Ofsted) or en-US (principal, school board, district, state review). Labels only.
 */
import type { ReportAudienceName } from "./permissions";
import { roleLabel, type Terminology } from "./roles";

export type { Terminology } from "./roles";

export type Terms = {
  head: string;
  governors: string;
  authority: string;
  inspection: string;
};

const words: Record<Terminology, Omit<Terms, "head">> = {
  "en-GB": { governors: "Governors", authority: "Local authority", inspection: "Ofsted" },
  "en-US": { governors: "School board", authority: "District", inspection: "State review" },
};

/** Every label a report needs, in the authority's words (the head's comes from roles.ts). */
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
  const labels = audiences.map((a, i) => (i === 0 ? audienceLabel(a, terminology) : audienceLabel(a, terminology).toLowerCase()));
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}
