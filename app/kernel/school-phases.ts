/** The words for a school's phase and for the level of support the authority gives it (its category). */

/** A school's phase, in words. */
export const phaseLabels: Record<string, string> = {
  nursery: "Nursery",
  primary: "Primary",
  secondary: "Secondary",
  "all-through": "All-through",
  special: "Special",
  "alternative-provision": "Alternative provision",
};

/** A school's support category, in words. */
export const categoryLabels: Record<string, string> = {
  universal: "Universal support",
  targeted: "Targeted support",
  intensive: "Intensive support",
};
