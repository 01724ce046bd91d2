import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { inList, runSearch, type SearchQuery } from "./search-sql";

/**
 * The pieces (notes, questions, stories, resources) of these shared documents whose words match:
 * the row's generated vector finds the documents, then each piece of its `search` list is matched
 * on its own, so a result is one note, not a whole board. `parentId` is the document's id.
 */
export function searchDocuments(db: Database, query: SearchQuery, docNames: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select dp.kind as item, e.value->>'id' as id, split_part(dp.doc_name, '.', 2) as parent_id,
        null::uuid as school_id, '' as title, null::text as context, e.value->>'text' as body,
        to_tsvector('english', e.value->>'text') as vector, dp.updated_at as at, null::text as school_year,
        jsonb_build_object('docName', dp.doc_name) as extra
      from document_projections dp
      cross join lateral jsonb_array_elements(dp.fields->'search') e
      where dp.search_vector @@ ${q} and ${inList(sql`dp.doc_name`, docNames)}
        and to_tsvector('english', e.value->>'text') @@ ${q}`,
  );
}

/** Schools of these authorities, by name, reference and locality. */
export function searchSchools(db: Database, query: SearchQuery, authorityIds: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select 'school' as item, s.id, null::uuid as parent_id, s.id as school_id, s.name as title,
        s.locality as context, concat_ws(', ', s.name, s.reference, s.locality) as body,
        s.search_vector as vector, s.created_at as at, null::text as school_year,
        jsonb_build_object('authorityId', s.authority_id) as extra
      from schools s
      where s.search_vector @@ ${q} and ${inList(sql`s.authority_id::text`, authorityIds)}`,
  );
}

/** People holding a role in one of these authorities, by name and email. */
export function searchPeople(db: Database, query: SearchQuery, authorityIds: readonly string[]) {
  return runSearch(
    db,
    query,
    (q) => sql`
      select 'person' as item, u.id, null::uuid as parent_id, null::uuid as school_id, u.name as title,
        u.email as context, u.name || ', ' || u.email as body, u.search_vector as vector, u.created_at as at,
        null::text as school_year,
        jsonb_build_object('authorityIds', (
          select jsonb_agg(distinct g.authority_id) from role_grants g
          where g.user_id = u.id and ${inList(sql`g.authority_id::text`, authorityIds)}
        )) as extra
      from users u
      where u.search_vector @@ ${q}
        and exists (
          select 1 from role_grants g where g.user_id = u.id and ${inList(sql`g.authority_id::text`, authorityIds)}
        )`,
  );
}
