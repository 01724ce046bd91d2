import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { inList, runSearch, yearIs, type SearchQuery } from "./search-sql";

/**
 * Plan items (priorities, targets, actions, evidence links, progress notes) of the plans of these
 * schools, any year. Each branch matches on its own GIN index before the plans are joined.
 */
export function searchPlanItems(db: Database, query: SearchQuery, schoolIds: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select i.item, i.id, i.priority_id as parent_id, pl.school_id, i.title, p.title as context, i.body, i.vector,
        coalesce(i.at, pl.created_at) as at, pl.school_year, null::jsonb as extra
      from (
        select 'priority' as item, x.id, x.id as priority_id, x.title, x.title || E'\n' || x.rationale as body,
          x.search_vector as vector, null::timestamptz as at
        from plan_priorities x where x.search_vector @@ ${q}
        union all
        select 'target', x.id, x.priority_id, x.measure || ' (' || x.student_group || ')',
          x.measure || ', ' || x.student_group, x.search_vector, null
        from plan_targets x where x.search_vector @@ ${q}
        union all
        select 'action', x.id, x.priority_id, x.description, x.description || ' (' || x.owner || ')', x.search_vector, null
        from plan_actions x where x.search_vector @@ ${q}
        union all
        select 'evidence', x.id, x.priority_id, x.title, x.title, x.search_vector, x.created_at
        from plan_evidence_links x where x.search_vector @@ ${q}
        union all
        select 'progress', x.id, x.priority_id, 'Progress note', x.body, x.search_vector, x.created_at
        from plan_progress_updates x where x.search_vector @@ ${q}
      ) i
      join plan_priorities p on p.id = i.priority_id
      join improvement_plans pl on pl.id = p.plan_id
      where ${inList(sql`pl.school_id::text`, schoolIds)} and ${yearIs(sql`pl.school_year`, query.schoolYear)}`,
  );
}

/**
 * Report sections the reader may read: `keys` are "schoolId:draft|shared:audience" (the audiences
 * reportAudiencesFor gives them for the school, for a draft and for a shared report); a section
 * is found when one of its audiences is among them, as the report page filters its sections.
 */
export function searchReportSections(db: Database, query: SearchQuery, keys: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select 'section' as item, rs.id, r.id as parent_id, a.school_id, rs.heading as title, r.title as context,
        rs.heading || E'\n' || rs.body as body, rs.search_vector as vector, r.updated_at as at, a.school_year,
        jsonb_build_object('status', r.status, 'audiences', to_jsonb(rs.audiences)) as extra
      from report_sections rs
      join sip_reports r on r.id = rs.report_id
      join sip_assignments a on a.id = r.assignment_id
      where rs.search_vector @@ ${q}
        and exists (
          select 1 from unnest(rs.audiences) as aud(name)
          where ${inList(
            sql`a.school_id::text || ':' || (case when r.status = 'draft' then 'draft' else 'shared' end) || ':' || aud.name`,
            keys,
          )}
        )
        and ${yearIs(sql`a.school_year`, query.schoolYear)}`,
  );
}

/** Visit records (both parts) of these SIP assignments (a school's year with its SIP). */
export function searchVisitRecords(db: Database, query: SearchQuery, assignmentIds: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select 'record' as item, vr.id, vr.assignment_id as parent_id, a.school_id, 'Visit record' as title,
        null::text as context,
        concat_ws(E'\n', vr.performance, vr.key_factors, vr.priorities_and_targets, vr.how_to_achieve,
          vr.agreed_actions, vr.pre_self_evaluation_update, vr.pre_questions) as body,
        vr.search_vector as vector, vr.visit_date::timestamptz as at, a.school_year,
        jsonb_build_object('visitDate', vr.visit_date::text) as extra
      from visit_records vr
      join sip_assignments a on a.id = vr.assignment_id
      where vr.search_vector @@ ${q} and ${inList(sql`a.id::text`, assignmentIds)}
        and ${yearIs(sql`a.school_year`, query.schoolYear)}`,
  );
}

/** Sessions of these cohorts (title, place) and the shared notes of these sessions' documents. */
export function searchSessions(
  db: Database,
  query: SearchQuery,
  cohortIds: readonly string[],
  noteDocNames: readonly string[],
) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select 'session' as item, cs.id, cs.cohort_id as parent_id, null::uuid as school_id, cs.title, c.name as context,
        cs.title || E'\n' || cs.place as body, cs.search_vector as vector, cs.starts_at as at, c.school_year,
        null::jsonb as extra
      from cohort_sessions cs join cohorts c on c.id = cs.cohort_id
      where cs.search_vector @@ ${q} and ${inList(sql`cs.cohort_id::text`, cohortIds)}
        and ${yearIs(sql`c.school_year`, query.schoolYear)}
      union all
      select 'notes', cs.id, cs.cohort_id, null, cs.title, c.name, e.value->>'text',
        to_tsvector('english', e.value->>'text'), dp.updated_at, c.school_year, null
      from document_projections dp
      join cohort_sessions cs on dp.doc_name = 'session-notes.' || cs.id::text
      join cohorts c on c.id = cs.cohort_id
      cross join lateral jsonb_array_elements(dp.fields->'search') e
      where dp.search_vector @@ ${q} and ${inList(sql`dp.doc_name`, noteDocNames)}
        and to_tsvector('english', e.value->>'text') @@ ${q}
        and ${yearIs(sql`c.school_year`, query.schoolYear)}`,
  );
}
