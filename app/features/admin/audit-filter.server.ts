import { auditResourceKinds, type AuditResourceKind } from "../../../db/queries/audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log's filters from the address bar: anything unexpected is ignored rather than an error. */
export function parseAuditFilter(params: URLSearchParams) {
  const school = params.get("school") ?? "";
  const kind = params.get("kind") ?? "";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  return {
    schoolId: UUID.test(school) ? school : null,
    resourceKind: (auditResourceKinds as readonly string[]).includes(kind) ? (kind as AuditResourceKind) : null,
    page,
  };
}
