import type { Role } from "./permissions";

export type Terminology = "en-GB" | "en-US";

const labels: Record<Terminology, Record<Role, string>> = {
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

/** The words a person in this authority uses for a role. The one source of role labels. */
export function roleLabel(role: Role, terminology: Terminology = "en-GB"): string {
  return labels[terminology][role];
}

export const phaseLabels: Record<string, string> = {
  nursery: "Nursery",
  primary: "Primary",
  secondary: "Secondary",
  "all-through": "All-through",
  special: "Special",
  "alternative-provision": "Alternative provision",
};

export const categoryLabels: Record<string, string> = {
  universal: "Universal support",
  targeted: "Targeted support",
  intensive: "Intensive support",
};
