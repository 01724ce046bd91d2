import { setPeerPair } from "../../db/queries/community-home";
import { saveOutcome } from "../../db/queries/outcomes";
import { createPlan, setPlanLinks } from "../../db/queries/plan-links";
import type { DemoContext } from "./demo-context";

/** Typical starting points (%) per measure and student group in an English primary school. */
const starts: Record<string, Record<string, number>> = {
  attendance: { all: 94.1, disadvantaged: 90.2, send: 89.0, eal: 94.8 },
  reading: { all: 73.5, disadvantaged: 58.0, send: 31.5, eal: 66.0 },
};

/** A small, fixed wobble per school so the demo is varied but the same on every start. */
const wobble = (school: number, salt: number) => (((school * 7 + salt * 13) % 11) - 5) / 2;
const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n * 10) / 10));

/**
 * The end of the year for the demo cohort: outcomes for schools 1–10 (school 10 has entered its
 * baselines and targets but no results yet), minimal plans for schools 1 and 2 so head1 and head2
 * can link, one link from "Family partnership" to a school-1 priority, and head1 ↔ head2 as a peer pair.
 */
export async function seedOutcomesAndPlans(ctx: DemoContext) {
  const { db, cohortId, communityId, schoolIds, headIds, schoolYear } = ctx;
  for (let n = 1; n <= 10; n++) {
    for (const [measure, groups] of Object.entries(starts)) {
      for (const [studentGroup, start] of Object.entries(groups)) {
        const baseline = clamp(start + wobble(n, measure.length + studentGroup.length));
        const rise = measure === "attendance" ? 1.5 : 5;
        const target = clamp(baseline + rise);
        const actual =
          n === 10
            ? null
            : clamp(baseline + rise + wobble(n, studentGroup.length) * (measure === "attendance" ? 0.4 : 1.2));
        await saveOutcome(db, {
          cohortId,
          schoolId: schoolIds[n - 1],
          studentGroup,
          measure,
          baseline,
          target,
          actual,
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
