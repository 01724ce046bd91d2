CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_self_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area" text NOT NULL,
	"judgement" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"student_group" text NOT NULL,
	"baseline" numeric(5, 1) NOT NULL,
	"target" numeric(5, 1) NOT NULL,
	"actual" numeric(5, 1),
	"by_when" date NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"resource_kind" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"school_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brokering_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"partner_school_id" uuid NOT NULL,
	"partner_priority_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_day_budgets" (
	"authority_id" uuid NOT NULL,
	"category" text NOT NULL,
	"days" numeric(4, 1) NOT NULL,
	CONSTRAINT "category_day_budgets_authority_id_category_pk" PRIMARY KEY("authority_id","category")
);
--> statement-breakpoint
CREATE TABLE "report_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"heading" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"audiences" text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip_profiles" (
	"authority_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"locality" text DEFAULT '' NOT NULL,
	"capacity_days" numeric(4, 1) DEFAULT 30 NOT NULL,
	"expertise" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "sip_profiles_authority_id_user_id_pk" PRIMARY KEY("authority_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sip_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"shared_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sip_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"kind" text NOT NULL,
	"days" numeric(3, 1) NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"visit_id" uuid,
	"visit_date" date NOT NULL,
	"pre_self_evaluation_update" text DEFAULT '' NOT NULL,
	"pre_questions" text DEFAULT '' NOT NULL,
	"pre_submitted_at" timestamp with time zone,
	"pre_submitted_by" uuid,
	"performance" text DEFAULT '' NOT NULL,
	"key_factors" text DEFAULT '' NOT NULL,
	"priorities_and_targets" text DEFAULT '' NOT NULL,
	"how_to_achieve" text DEFAULT '' NOT NULL,
	"agreed_actions" text DEFAULT '' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence_links" ADD CONSTRAINT "plan_evidence_links_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence_links" ADD CONSTRAINT "plan_evidence_links_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_self_evaluations" ADD CONSTRAINT "plan_self_evaluations_plan_id_improvement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."improvement_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_assignment_id_sip_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."sip_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_partner_school_id_schools_id_fk" FOREIGN KEY ("partner_school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_partner_priority_id_plan_priorities_id_fk" FOREIGN KEY ("partner_priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokering_proposals" ADD CONSTRAINT "brokering_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_day_budgets" ADD CONSTRAINT "category_day_budgets_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_report_id_sip_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."sip_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_profiles" ADD CONSTRAINT "sip_profiles_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_profiles" ADD CONSTRAINT "sip_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_reports" ADD CONSTRAINT "sip_reports_assignment_id_sip_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."sip_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_reports" ADD CONSTRAINT "sip_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sip_visits" ADD CONSTRAINT "sip_visits_assignment_id_sip_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."sip_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_assignment_id_sip_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."sip_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_visit_id_sip_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."sip_visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_records" ADD CONSTRAINT "visit_records_pre_submitted_by_users_id_fk" FOREIGN KEY ("pre_submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_priority_id_idx" ON "plan_actions" USING btree ("priority_id","position");--> statement-breakpoint
CREATE INDEX "plan_comments_plan_id_idx" ON "plan_comments" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_comments_parent_id_idx" ON "plan_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_evidence_links_priority_id_idx" ON "plan_evidence_links" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "plan_progress_updates_priority_id_idx" ON "plan_progress_updates" USING btree ("priority_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_self_evaluations_plan_area_key" ON "plan_self_evaluations" USING btree ("plan_id","area");--> statement-breakpoint
CREATE INDEX "plan_targets_priority_id_idx" ON "plan_targets" USING btree ("priority_id","position");--> statement-breakpoint
CREATE INDEX "audit_log_authority_id_idx" ON "audit_log" USING btree ("authority_id","at");--> statement-breakpoint
CREATE INDEX "brokering_proposals_assignment_id_idx" ON "brokering_proposals" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "brokering_proposals_partner_idx" ON "brokering_proposals" USING btree ("partner_school_id","status");--> statement-breakpoint
CREATE INDEX "report_sections_report_id_idx" ON "report_sections" USING btree ("report_id","position");--> statement-breakpoint
CREATE INDEX "sip_reports_assignment_id_idx" ON "sip_reports" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "sip_visits_assignment_id_idx" ON "sip_visits" USING btree ("assignment_id","visit_date");--> statement-breakpoint
CREATE INDEX "visit_records_assignment_id_idx" ON "visit_records" USING btree ("assignment_id","visit_date");