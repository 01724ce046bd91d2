import { Link } from "@remix-run/react";

/** The way back to the SIP deployment overview, above each of its sub-pages' headings. */
export function DeploymentCrumb() {
  return (
    <p className="text-sm">
      <Link to="/admin/sips" className="text-brand-700 underline">
        SIP deployment
      </Link>
    </p>
  );
}
