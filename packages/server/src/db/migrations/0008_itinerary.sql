CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"content_enc" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"sphere" text NOT NULL,
	"achieved_on" date NOT NULL,
	"text_enc" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"scale_version" integer NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"professional_enc" text,
	"professional_by_user_id" uuid,
	"self_enc" text,
	"self_language" text,
	"self_recorded_at" timestamp with time zone,
	"self_recorded_by_user_id" uuid,
	"self_declined" boolean DEFAULT false NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_user_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs_assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"sphere" text NOT NULL,
	"version" integer NOT NULL,
	"content_enc" text NOT NULL,
	"updated_by_user_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"starts_on" date NOT NULL,
	"content_enc" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"based_on_version" integer,
	"agreement_method" text,
	"agreement_enc" text,
	"agreed_on" date,
	"agreement_recorded_by_user_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"updated_by_user_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "itinerary_settings" jsonb;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "priorities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "unmet_basic_needs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "attention_spheres" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_professional_by_user_id_staff_user_id_fk" FOREIGN KEY ("professional_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_self_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("self_recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_completed_by_user_id_staff_user_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_round" ADD CONSTRAINT "monitoring_round_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessment" ADD CONSTRAINT "needs_assessment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessment" ADD CONSTRAINT "needs_assessment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_assessment" ADD CONSTRAINT "needs_assessment_updated_by_user_id_staff_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_agreement_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("agreement_recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_updated_by_user_id_staff_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_participant_idx" ON "commitment" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "milestone_participant_idx" ON "milestone" USING btree ("organization_id","participant_id","achieved_on");--> statement-breakpoint
CREATE INDEX "monitoring_round_participant_idx" ON "monitoring_round" USING btree ("organization_id","participant_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_assessment_sphere_key" ON "needs_assessment" USING btree ("organization_id","participant_id","sphere");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_version_key" ON "plan_version" USING btree ("organization_id","participant_id","version");--> statement-breakpoint
-- Itinerary tables: the application role reads and writes them under forced row-level security.
-- A discarded plan draft and a milestone recorded by mistake may be deleted; everything else is
-- kept (and stays sealed under her key, which erasure destroys).
GRANT SELECT, INSERT, UPDATE ON needs_assessment, plan_version, milestone, commitment, monitoring_round TO cope_app;
--> statement-breakpoint
GRANT DELETE ON plan_version, milestone TO cope_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['needs_assessment', 'plan_version', 'milestone', 'commitment', 'monitoring_round']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org()) '
                   'WITH CHECK (organization_id = app_current_org())', t);
  END LOOP;
END
$$;
