CREATE TABLE "case_place" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"place_enc" text NOT NULL,
	"area_hits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description_enc" text NOT NULL,
	"actions_enc" text,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"follow_up_done_at" timestamp with time zone,
	"follow_up_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "risk_area" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"polygon" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "risk_assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by_user_id" uuid NOT NULL,
	"content_enc" text NOT NULL,
	"rule_version" integer NOT NULL,
	"computed_level" text NOT NULL,
	"level" text NOT NULL,
	"requested_level" text,
	"override" text DEFAULT 'none' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_measure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"assessment_id" uuid,
	"description_enc" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_protocol" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_trigger" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by_assessment_id" uuid
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "safety_settings" jsonb;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "risk_assessed_on" date;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "risk_stale_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "risk_reassess_due_on" date;--> statement-breakpoint
ALTER TABLE "case_place" ADD CONSTRAINT "case_place_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_place" ADD CONSTRAINT "case_place_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_place" ADD CONSTRAINT "case_place_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident" ADD CONSTRAINT "incident_follow_up_by_user_id_staff_user_id_fk" FOREIGN KEY ("follow_up_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_assessed_by_user_id_staff_user_id_fk" FOREIGN KEY ("assessed_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_decided_by_user_id_staff_user_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measure" ADD CONSTRAINT "risk_measure_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measure" ADD CONSTRAINT "risk_measure_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measure" ADD CONSTRAINT "risk_measure_assessment_id_risk_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measure" ADD CONSTRAINT "risk_measure_owner_user_id_staff_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_measure" ADD CONSTRAINT "risk_measure_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_protocol" ADD CONSTRAINT "risk_protocol_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_protocol" ADD CONSTRAINT "risk_protocol_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_trigger" ADD CONSTRAINT "risk_trigger_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_trigger" ADD CONSTRAINT "risk_trigger_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_trigger" ADD CONSTRAINT "risk_trigger_actor_user_id_staff_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_trigger" ADD CONSTRAINT "risk_trigger_resolved_by_assessment_id_risk_assessment_id_fk" FOREIGN KEY ("resolved_by_assessment_id") REFERENCES "public"."risk_assessment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_place_participant_idx" ON "case_place" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "incident_participant_idx" ON "incident" USING btree ("organization_id","participant_id","occurred_on");--> statement-breakpoint
CREATE INDEX "risk_area_org_idx" ON "risk_area" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "risk_assessment_participant_idx" ON "risk_assessment" USING btree ("organization_id","participant_id","assessed_on");--> statement-breakpoint
CREATE INDEX "risk_measure_participant_idx" ON "risk_measure" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_protocol_version_key" ON "risk_protocol" USING btree ("organization_id","version");--> statement-breakpoint
CREATE INDEX "risk_trigger_participant_idx" ON "risk_trigger" USING btree ("organization_id","participant_id","occurred_at");--> statement-breakpoint
-- Safety tables: the application role reads and writes them under forced row-level security.
-- Erasure deletes the places recorded for her; everything else of hers stays sealed under her
-- destroyed key.
GRANT SELECT, INSERT, UPDATE ON risk_assessment, risk_measure, incident, risk_trigger, risk_area, risk_protocol TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_place TO cope_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['risk_assessment', 'risk_measure', 'case_place', 'incident', 'risk_trigger',
                           'risk_area', 'risk_protocol']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org()) '
                   'WITH CHECK (organization_id = app_current_org())', t);
  END LOOP;
END
$$;
