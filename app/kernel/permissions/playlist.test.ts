import { describe, expect, it } from "vitest";
import {
  canDecideSuggestion,
  canLogPractice,
  canMarkPlaylistProgress,
  canSeeAllPracticeLogs,
  canSuggestResource,
  type Actor,
  type CommunityScope,
} from ".";

const scope: CommunityScope = { authorityId: "la", memberIds: ["leader"], facilitatorIds: ["fac"], sipIds: ["sip"] };
const actor = (userId: string): Actor => ({ userId, grants: [] });

describe("playlists and practice logs: who may do what", () => {
  it.each([
    ["leader", true, true, false, true, false],
    ["fac", false, false, true, false, true],
    ["sip", false, false, false, false, false],
    ["outsider", false, false, false, false, false],
  ])("%s: mark %s, suggest %s, decide %s, log %s, see all logs %s", (who, mark, suggest, decide, log, all) => {
    const a = actor(who);
    expect([
      canMarkPlaylistProgress(a, scope),
      canSuggestResource(a, scope),
      canDecideSuggestion(a, scope),
      canLogPractice(a, scope),
      canSeeAllPracticeLogs(a, scope),
    ]).toEqual([mark, suggest, decide, log, all]);
  });
});
