/**
 * Whether logging a visit asks the school for its pre-visit part: only while the visit is still to
 * come. A visit logged after its date has passed has nothing to prepare for, so the school's leaders
 * are not asked (nor told), and its record goes straight to the SIP. Today counts as to come: the
 * visit may be later in the day. Dates are "YYYY-MM-DD" in the authority's zone, so they compare as text.
 */
export function asksPreVisit(visitDate: string, today: string): boolean {
  return visitDate >= today;
}

/** What the record says in place of the pre-visit part when the school was not asked for it. */
export const PRE_VISIT_NOT_ASKED = "Not asked: logged after the visit.";
