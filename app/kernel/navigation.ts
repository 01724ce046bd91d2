/**
 * The header's menu for a person: what their roles' work is and where it starts. Pure, so the root
 * loader computes it once and a unit test pins it for every role and every mix of roles.
 */
import { adminAuthorityIds, governedSchoolIds, isFacilitator, isSip, ledSchoolIds, type Actor } from "./permissions";

/** One entry of the header menu. */
export type MenuItem = { label: string; to: string };

/** What a leader's entries need to know: the communities and cohorts they are in (ids only). */
export type MenuFacts = { communityIds: readonly string[]; cohortIds: readonly string[] };

/** Straight to the one item when there is exactly one, else to the index page that lists them. */
function oneOrIndex(index: string, ids: readonly string[]): string {
  return ids.length === 1 ? `${index}/${ids[0]}` : index;
}

/**
 * The menu after "Dashboard": a SIP's caseload, a head's school, community and cohort, a
 * facilitator's cohorts, an admin's authority pages, a governor's school. Several roles give the
 * union, each destination once, in a stable order.
 */
export function menuFor(actor: Actor, facts: MenuFacts): MenuItem[] {
  const items: MenuItem[] = [];
  const own = [...new Set([...ledSchoolIds(actor), ...governedSchoolIds(actor)])];
  const leader = ledSchoolIds(actor).length > 0;
  if (isSip(actor)) {
    items.push(
      { label: "My schools", to: "/schools" },
      { label: "Visits", to: "/visits" },
      { label: "Reports", to: "/reports" },
      { label: "Brokering", to: "/brokering" },
    );
  }
  if (own.length > 0)
    items.push({ label: own.length > 1 ? "My schools" : "My school", to: oneOrIndex("/schools", own) });
  if (leader) items.push({ label: "My community", to: oneOrIndex("/communities", facts.communityIds) });
  if (isFacilitator(actor)) items.push({ label: "Cohorts", to: "/cohorts" });
  else if (leader) items.push({ label: "Cohort", to: oneOrIndex("/cohorts", facts.cohortIds) });
  if (adminAuthorityIds(actor).length > 0) {
    items.push(
      { label: "Schools", to: "/admin/schools" },
      { label: "People", to: "/admin/people" },
      { label: "SIPs", to: "/admin/sips" },
      { label: "Audit", to: "/admin/audit" },
      { label: "Settings", to: "/admin/settings" },
    );
  }
  return dedupe(items);
}

/** Each destination and each label once: the first entry wins (a SIP's "My schools" over a head's). */
function dedupe(items: MenuItem[]): MenuItem[] {
  const seenTo = new Set<string>();
  const seenLabel = new Set<string>();
  return items.filter((i) => {
    if (seenTo.has(i.to) || seenLabel.has(i.label)) return false;
    seenTo.add(i.to);
    seenLabel.add(i.label);
    return true;
  });
}
