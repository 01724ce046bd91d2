/**
 * The places a facilitator can bring everyone to: a community page, or a section of the inquiry
 * page. A gathering names a place (step and section) rather than an address, so a follower only
 * ever goes to a page of this community that it knows, with words it chooses.
 */
import type { Place } from "../../../../collab/documents/community-room";
import { communitySteps, type CommunityStep } from "../../../components/collab/use-step-presence";

/** How each page is named in "Fay brought everyone to …": the names the steps have in the community's menu. */
const stepLabels: Record<CommunityStep, string> = {
  home: "the community's Home page",
  inquiry: "Stories, needs and peer check",
  board: "Root causes",
  questions: "the “How might we…” questions",
  plan: "Link to my plan",
  playlist: "the Playlist",
};

/** The inquiry page's sections (the ids of its `<section>`s), in order. */
export const inquirySections = [
  { id: "step-1", label: "the stories" },
  { id: "step-2", label: "what we needed" },
  { id: "step-3", label: "the peer check" },
] as const;

const isStep = (step: string): step is CommunityStep => (communitySteps as readonly string[]).includes(step);
const isSection = (step: string, section: string) =>
  step === "inquiry" && inquirySections.some((s) => s.id === section);

/** Whether this is a place a follower may be taken to (a known page, and a known section of it). */
export function isKnownPlace(place: Place): boolean {
  return isStep(place.step) && (place.section === null || isSection(place.step, place.section));
}

/** The page's path (and section anchor) in this community. */
export function placeHref(communityId: string, place: Place): string {
  const path = `/communities/${communityId}${place.step === "home" ? "" : `/${place.step}`}`;
  return place.section ? `${path}#${place.section}` : path;
}

/** The place in words: "Root causes", "the stories". */
export function placeLabel(place: Place): string {
  const section = inquirySections.find((s) => s.id === place.section);
  if (section) return section.label;
  return isStep(place.step) ? stepLabels[place.step] : "another page";
}

/** Where a person is, from their address: the page, and the section when the anchor names one; null off the community. */
export function placeAt(communityId: string, location: { pathname: string; hash: string }): Place | null {
  const step = stepAt(communityId, location.pathname);
  if (!step) return null;
  const section = location.hash.replace(/^#/, "");
  return { step, section: isSection(step, section) ? section : null };
}

/** Whether two places are the same page and section. */
export const samePlace = (a: Place, b: Place) => a.step === b.step && a.section === b.section;

/** "Fay Facilitator brought everyone to Root causes." */
export const broughtText = (byName: string, place: Place) => `${byName} brought everyone to ${placeLabel(place)}.`;

/** Which page of this community a path is, or null for any other address. */
export function stepAt(communityId: string, pathname: string): CommunityStep | null {
  const base = `/communities/${communityId}`;
  const rest = pathname.replace(/\/+$/, "");
  if (rest === base) return "home";
  if (!rest.startsWith(`${base}/`)) return null;
  const step = rest.slice(base.length + 1);
  return isStep(step) && step !== "home" ? step : null;
}

/**
 * What a person's page does when a new gathering arrives: nothing (an unknown place, or their own
 * gathering), only tell them (they opted out, or they facilitate too: a facilitator is never
 * moved), tell them they are already there, or take them there.
 */
export type Reaction = "ignore" | "invite" | "already-here" | "move";

export function reactionTo(
  gathering: Place & { byId: string },
  person: { id: string; mayGather: boolean; optedOut: boolean; here: Place | null },
): Reaction {
  if (!isKnownPlace(gathering) || gathering.byId === person.id) return "ignore";
  if (person.mayGather || person.optedOut) return "invite";
  if (person.here && samePlace(person.here, gathering)) return "already-here";
  return "move";
}
