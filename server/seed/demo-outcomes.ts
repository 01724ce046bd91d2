import { setPeerPair } from "../../db/queries/community-home";
import { saveOutcome } from "../../db/queries/outcomes";
import { createPlan, setPlanLinks } from "../../db/queries/plan-links";
import type { DemoContext } from "./demo-context";
import { schoolProfiles, type SchoolProfile } from "./demo-school-profiles";

const round = (n: number) => Math.round(n * 10) / 10;
type Figures = { baseline: number; target: number; actual: number | null };

/**
 * One school's end-of-year figures per measure and student group, from its profile: attendance and
 * reading lead, the other groups follow them at typical distances (pupils with SEND below, EAL near
 * all pupils), so each school's chart has its own shape. Targets were set at the start of the year.
 */
function outcomeFigures(profile: SchoolProfile): Record<string, Record<string, Figures>> {
  const [a0, , a2] = profile.attendanceAll;
  const [d0, , d2] = profile.attendanceDisadvantaged;
  const out: Record<string, Record<string, Figures>> = {
    attendance: {
      all: { baseline: a0, target: round(a0 + 1), actual: a2 },
      disadvantaged: { baseline: d0, target: round(d0 + 2.5), actual: d2 },
      send: { baseline: round(a0 - 4.6), target: round(a0 - 3), actual: round(a2 - 4.6 + (d2 - d0) / 3) },
      eal: { baseline: round(a0 + 0.4), target: round(a0 + 1.2), actual: round(a2 + 0.3) },
    },
  };
  if (profile.reading) {
    const [r0, r1] = profile.reading;
    out.reading = {
      all: { baseline: r0 + 17, target: r0 + 20, actual: round(r0 + 17 + (r1 - r0) * 0.5) },
      disadvantaged: { baseline: r0, target: r0 + 6, actual: r1 },
      send: { baseline: r0 - 24, target: r0 - 20, actual: round(r0 - 24 + (r1 - r0) * 0.4) },
      eal: { baseline: r0 + 9, target: r0 + 13, actual: round(r0 + 9 + (r1 - r0) * 0.7) },
    };
  }
  if (profile.combined) {
    const [c0, c1] = profile.combined;
    out.rwm = {
      all: { baseline: c0, target: c0 + 4, actual: c1 },
      disadvantaged: { baseline: c0 - 17, target: c0 - 12, actual: round(c0 - 17 + (c1 - c0) * 1.2) },
    };
  }
  return out;
}

/**
 * The end of the year for the demo cohort: outcomes for schools 1–10 from their profiles (school 10
 * has entered its baselines and targets but no results yet), minimal plans for schools 1 and 2 so
 * head1 and head2 can link, one link from "Family partnership" to a school-1 priority, and head1 ↔
 * head2 as a peer pair.
 */
export async function seedOutcomesAndPlans(ctx: DemoContext) {
  const { db, cohortId, communityId, schoolIds, headIds, schoolYear } = ctx;
  for (let n = 1; n <= 10; n++) {
    for (const [measure, groups] of Object.entries(outcomeFigures(schoolProfiles[n - 1]))) {
      for (const [studentGroup, figures] of Object.entries(groups)) {
        await saveOutcome(db, {
          cohortId,
          schoolId: schoolIds[n - 1],
          studentGroup,
          measure,
          baseline: figures.baseline,
          target: figures.target,
          actual: n === 10 ? null : figures.actual,
          enteredBy: headIds[n - 1],
        });
      }
    }
  }

  // One after the other: the seed may run inside one transaction (one connection).
  const school1 = await createPlan(db, {
    schoolId: schoolIds[0],
    schoolYear,
    priorities: [
      {
        title: "Close the reading gap for disadvantaged pupils in Key Stage 2",
        area: "quality_of_education",
      },
      {
        title: "Raise attendance of pupils eligible for pupil premium",
        area: "behaviour_and_attitudes",
      },
      {
        title: "Build stronger partnerships with families",
        area: "leadership_and_management",
      },
    ],
  });
  await createPlan(db, {
    schoolId: schoolIds[1],
    schoolYear,
    priorities: [
      {
        title: "Consistent phonics teaching from Reception to Year 2",
        area: "quality_of_education",
      },
      {
        title: "Families as partners in learning",
        area: "leadership_and_management",
      },
    ],
  });
  const families = school1.priorities.find((p) => p.title.startsWith("Build stronger partnerships"))!;
  await setPlanLinks(db, {
    communityId,
    planId: school1.plan.id,
    priorityIds: [families.id],
    userId: headIds[0],
  });
  await setPeerPair(db, communityId, headIds[0], headIds[1]);
}
