/** The values a school's phase and support category can take. Plain data, shared with the browser. */
export const schoolPhases = [
  "nursery",
  "primary",
  "secondary",
  "all-through",
  "special",
  "alternative-provision",
] as const;
/** Support category: drives the SIP day budget (intervention in inverse proportion to success). */
export const schoolCategories = ["universal", "targeted", "intensive"] as const;
