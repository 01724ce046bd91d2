/**
 * Each demo school's figures, so charts and brokering differ from school to school: attendance
 * (all pupils and disadvantaged pupils, last year then autumn and spring terms), persistent absence
 * of disadvantaged pupils, and (where the school has pupils in Key Stage 2) reading for disadvantaged
 * pupils and reading, writing and maths combined. Most schools improve; Hollin Moor is flat,
 * Northfield dips, and Larkrise's reading slipped. Kingsmere Park Junior's Key Stage 2 reading is the
 * clear good practice sip1 can broker for Ashby Vale.
 */
export type Trend = "improving" | "flat" | "dipping";
/** [last year, autumn term, spring term] in %. */
export type Terms = [number, number, number];
export type SchoolProfile = {
  trend: Trend;
  attendanceAll: Terms;
  attendanceDisadvantaged: Terms;
  /** Persistent absence of disadvantaged pupils: [last year, now] (lower is better). */
  persistentAbsence: [number, number];
  /** Key Stage 2 reading at the expected standard, disadvantaged pupils: [last year, this year]; null without KS2. */
  reading: [number, number] | null;
  /** Key Stage 2 reading, writing and maths combined, all pupils: [last year, this year]; null without KS2. */
  combined: [number, number] | null;
};

const p = (
  trend: Trend,
  attendanceAll: Terms,
  attendanceDisadvantaged: Terms,
  persistentAbsence: [number, number],
  reading: [number, number] | null = null,
  combined: [number, number] | null = null,
): SchoolProfile => ({ trend, attendanceAll, attendanceDisadvantaged, persistentAbsence, reading, combined });

/** By demo school (index 0 is school 1, as in demo-data). */
export const schoolProfiles: SchoolProfile[] = [
  p("improving", [94.2, 94.6, 95.0], [90.1, 91.0, 92.4], [24.0, 18.5], [56, 61], [62, 65]), // Ashby Vale
  p("improving", [93.1, 93.4, 93.8], [89.0, 89.7, 90.6], [27.0, 23.5], [52, 55], [55, 58]), // St Aidan's
  p("dipping", [90.8, 90.3, 89.9], [86.2, 85.6, 85.0], [33.0, 35.5]), // Northfield Academy
  p("improving", [91.5, 92.0, 92.6], [87.0, 88.1, 89.1], [29.0, 24.0]), // Riverside
  p("flat", [92.4, 92.3, 92.5], [88.3, 88.1, 88.2], [21.0, 21.4]), // Hollin Moor (nursery)
  p("improving", [95.1, 95.3, 95.6], [91.5, 92.2, 93.0], [17.0, 13.0], [54, 66.5], [61, 68]), // Kingsmere Park Junior
  p("improving", [89.3, 89.9, 90.6], [87.0, 88.0, 88.9], [30.0, 26.0]), // Oakfield Special
  p("improving", [92.0, 93.1, 94.3], [87.2, 89.5, 91.6], [28.5, 17.9], [49, 53], [50, 54]), // Brambley Hedge
  p("improving", [93.5, 93.7, 93.9], [89.8, 90.1, 90.5], [22.0, 20.5], [57, 60], [60, 61]), // The Meadows
  p("flat", [89.0, 89.2, 89.1], [85.5, 85.4, 85.6], [38.0, 37.5]), // Fernside PRU
  p("improving", [95.4, 95.6, 95.8], [92.0, 92.6, 93.1], [15.0, 12.5]), // St Mary's
  p("improving", [94.0, 94.2, 94.4], [90.4, 90.9, 91.3], [20.0, 18.0], [55, 60.5], [58, 62]), // Wexcombe
  p("improving", [94.6, 94.7, 94.9], [90.9, 91.3, 91.8], [19.0, 17.5]), // Castle Hill
  p("flat", [95.9, 95.8, 96.0], [93.0, 92.9, 93.1], [12.0, 12.2], [66, 64.5], [70, 69]), // Larkrise
  p("improving", [93.7, 94.1, 94.5], [90.0, 90.8, 91.7], [21.5, 18.0]), // Greenway Infant
];

/** "Autumn term 91.0%, spring term 92.4% (last year 90.1%)": a term-by-term line for a progress update. */
export function termsLine(label: string, [lastYear, autumn, spring]: Terms): string {
  const pp = Math.round((spring - lastYear) * 10) / 10;
  const change = pp > 0 ? `up ${pp.toFixed(1)} pp` : pp < 0 ? `down ${Math.abs(pp).toFixed(1)} pp` : "no change";
  return `${label}: autumn term ${autumn.toFixed(1)}%, spring term ${spring.toFixed(1)}% (last year ${lastYear.toFixed(1)}%, ${change}).`;
}

type TargetFigures = { measure: string; studentGroup: string; baseline: number; target: number; actual: number | null };
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A priority template's targets with this school's own figures: attendance, persistent absence and
 * Key Stage 2 reading from its profile; any other measure moved by a small fixed amount per school
 * (never the same change twice), so no two schools show the same result.
 */
export function targetsFor(targets: readonly TargetFigures[], profile: SchoolProfile, school: number): TargetFigures[] {
  return targets.map((t) => {
    const m = t.measure.toLowerCase();
    const own = (baseline: number, actual: number, rise: number) => ({
      ...t,
      baseline,
      actual,
      target: r1(baseline + rise),
    });
    if (m.startsWith("attendance"))
      return own(profile.attendanceDisadvantaged[0], profile.attendanceDisadvantaged[2], 3);
    if (m.startsWith("persistent absence")) return own(...profile.persistentAbsence, -8);
    if (m.startsWith("reading at the expected standard in key stage 2") && profile.reading)
      return own(...profile.reading, 7);
    if (m.startsWith("reading, writing and maths") && profile.combined) return own(...profile.combined, 5);
    const shift = ((school * 7) % 9) - 4;
    const gain = t.actual === null ? null : (t.actual - t.baseline) * (0.6 + ((school * 5) % 7) / 10);
    return {
      ...t,
      baseline: r1(t.baseline + shift),
      target: r1(t.target + shift),
      actual: gain === null ? null : r1(t.baseline + shift + gain),
    };
  });
}

/** The progress update a school wrote this term on a priority, with its own figures term by term. */
export function updateFor(title: string, profile: SchoolProfile, fallback: string | undefined): string | undefined {
  const t = title.toLowerCase();
  if (/attend|absence/.test(t))
    return [
      termsLine("Attendance of disadvantaged pupils", profile.attendanceDisadvantaged),
      termsLine("Attendance of all pupils", profile.attendanceAll),
      `Persistent absence of disadvantaged pupils: ${profile.persistentAbsence[1].toFixed(1)}% (last year ${profile.persistentAbsence[0].toFixed(1)}%).`,
    ].join(" ");
  if (/key stage 2/.test(t) && profile.reading)
    return `Spring assessments: ${profile.reading[1]}% of disadvantaged pupils in Year 6 are on track for the expected standard in reading (last year ${profile.reading[0]}%).`;
  return fallback;
}
