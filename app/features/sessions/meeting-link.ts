/** Whether a place is an online meeting link (shown as a link) rather than a room. */
export function isMeetingLink(place: string): boolean {
  return /^https?:\/\//i.test(place.trim());
}
