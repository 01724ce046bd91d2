import type { Database } from "../../db/client";

/** What the demo network's parts share: ids made by the core seed, for the area seeds to build on. */
export type DemoContext = {
  db: Database;
  authorityId: string;
  schoolYear: string;
  cohortId: string;
  /** "Family partnership": head1 and head2. */
  communityId: string;
  facilitatorId: string;
  /** head1 … head15 (index 0 is head1), each leading schoolIds[i]. */
  headIds: string[];
  schoolIds: string[];
  /** sip1 … sip3: sip1 has schools 1–5, sip2 6–10, sip3 11–15. */
  sipIds: string[];
  governorId: string;
};
