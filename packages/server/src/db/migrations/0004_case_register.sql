CREATE TABLE "attachment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"consent_id" uuid,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"data_enc" text NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_record" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"section" text NOT NULL,
	"data_enc" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "case_record_participant_id_section_pk" PRIMARY KEY("participant_id","section")
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient" text,
	"data_categories" text[] NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"explained_by_user_id" uuid NOT NULL,
	"given_on" date NOT NULL,
	"expires_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_method" text,
	"withdrawal_note_enc" text,
	"withdrawn_by_user_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_lookup" (
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "participant_lookup_organization_id_kind_digest_participant_id_pk" PRIMARY KEY("organization_id","kind","digest","participant_id")
);
--> statement-breakpoint
CREATE TABLE "reference_handover" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"from_user_id" uuid,
	"to_user_id" uuid NOT NULL,
	"note_enc" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_hold" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_user_id" uuid,
	"cleared_reason" text
);
--> statement-breakpoint
CREATE TABLE "section_share" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"section" text NOT NULL,
	"audience" text NOT NULL,
	"consent_id" uuid,
	"emergency_reason" text,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid,
	"assignee_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "case_note" ADD COLUMN "visibility" text DEFAULT 'section' NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "reference_changes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "legal_situations" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "intake_steps" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_consent_id_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_user_id_staff_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_updated_by_user_id_staff_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_explained_by_user_id_staff_user_id_fk" FOREIGN KEY ("explained_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_user_id_staff_user_id_fk" FOREIGN KEY ("withdrawn_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_user_id_staff_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_lookup" ADD CONSTRAINT "participant_lookup_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_lookup" ADD CONSTRAINT "participant_lookup_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_handover" ADD CONSTRAINT "reference_handover_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_handover" ADD CONSTRAINT "reference_handover_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_handover" ADD CONSTRAINT "reference_handover_from_user_id_staff_user_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_handover" ADD CONSTRAINT "reference_handover_to_user_id_staff_user_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_handover" ADD CONSTRAINT "reference_handover_by_user_id_staff_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_hold" ADD CONSTRAINT "retention_hold_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_hold" ADD CONSTRAINT "retention_hold_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_hold" ADD CONSTRAINT "retention_hold_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_hold" ADD CONSTRAINT "retention_hold_cleared_by_user_id_staff_user_id_fk" FOREIGN KEY ("cleared_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_share" ADD CONSTRAINT "section_share_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_share" ADD CONSTRAINT "section_share_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_share" ADD CONSTRAINT "section_share_consent_id_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consent"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_share" ADD CONSTRAINT "section_share_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_user_id_staff_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_done_by_user_id_staff_user_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_participant_idx" ON "attachment" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "consent_participant_idx" ON "consent" USING btree ("organization_id","participant_id","created_at");--> statement-breakpoint
CREATE INDEX "participant_lookup_participant_idx" ON "participant_lookup" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "reference_handover_participant_idx" ON "reference_handover" USING btree ("organization_id","participant_id","created_at");--> statement-breakpoint
CREATE INDEX "retention_hold_participant_idx" ON "retention_hold" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "section_share_participant_idx" ON "section_share" USING btree ("organization_id","participant_id");--> statement-breakpoint
CREATE INDEX "task_assignee_idx" ON "task" USING btree ("organization_id","assignee_user_id","done_at","due_on");--> statement-breakpoint
CREATE INDEX "task_participant_idx" ON "task" USING btree ("organization_id","participant_id","done_at","due_on");--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Case register: the same tenant isolation as every table. Consents, handovers and holds are
-- never deleted (withdrawal, clearing and ending are dates); look-ups, records and scans are
-- removed when her file is erased.
GRANT SELECT, INSERT, UPDATE ON consent, section_share, reference_handover, retention_hold, task TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_record, participant_lookup, attachment TO cope_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_record', 'participant_lookup', 'consent', 'attachment', 'section_share',
                           'reference_handover', 'retention_hold', 'task']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org()) '
                   'WITH CHECK (organization_id = app_current_org())', t);
  END LOOP;
END
$$;
