import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { roles } from "../../../../db/schema/roles";
import { SelectField } from "../../../components/ui/field";
import { roleLabel, type Terminology } from "../../../kernel/terminology";

/** The role and school pickers shared by the invitation and role-change forms. */
export function RoleFields({
  role,
  schoolId,
  schools,
  terminology,
}: {
  role: FieldMetadata<string>;
  schoolId: FieldMetadata<string>;
  schools: Array<{ id: string; name: string }>;
  terminology: Terminology;
}) {
  const needsSchool = role.value === "school_leader" || role.value === "governor";
  const schoolRoles = `${roleLabel("school_leader", terminology).toLowerCase()}s and ${roleLabel("governor", terminology).toLowerCase()}s`;
  return (
    <>
      <SelectField label="Role" errors={role.errors} selectProps={getSelectProps(role)}>
        <option value="">Choose a role</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r, terminology)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={needsSchool ? "School" : `School (only for ${schoolRoles})`}
        errors={schoolId.errors}
        selectProps={getSelectProps(schoolId)}
      >
        <option value="">{schools.length ? "Choose a school" : "No schools yet: add one first"}</option>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
