/** The plan pages use the shared multi-line field. */
export { TextareaField } from "../../../components/ui/field";
