CREATE TABLE "auth_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"mfa_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "case_code_counter" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "case_code_counter_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
CREATE TABLE "instance" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"mode" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instance_singleton" CHECK ("instance"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"case_code_prefix" text NOT NULL,
	"case_code_format" text DEFAULT '{PREFIX}-{YYYY}-{SEQ4}' NOT NULL,
	"idle_timeout_minutes" integer DEFAULT 15 NOT NULL,
	"absolute_timeout_minutes" integer DEFAULT 480 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"case_code" text NOT NULL,
	"preferred_name" text,
	"status" text NOT NULL,
	"risk_level" text,
	"risk_rank" integer DEFAULT -1 NOT NULL,
	"reference_user_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_user" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" text[] NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret" text,
	"totp_last_step" bigint,
	"mfa_enrolled_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_code_counter" ADD CONSTRAINT "case_code_counter_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_reference_user_id_staff_user_id_fk" FOREIGN KEY ("reference_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_session_token_key" ON "auth_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_session_user_idx" ON "auth_session" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_case_code_key" ON "participant" USING btree ("organization_id","case_code");--> statement-breakpoint
CREATE INDEX "participant_org_opened_idx" ON "participant" USING btree ("organization_id","opened_at","id");--> statement-breakpoint
CREATE INDEX "participant_org_status_opened_idx" ON "participant" USING btree ("organization_id","status","opened_at","id");--> statement-breakpoint
CREATE INDEX "participant_org_risk_idx" ON "participant" USING btree ("organization_id","risk_rank","id");--> statement-breakpoint
CREATE INDEX "participant_org_status_risk_idx" ON "participant" USING btree ("organization_id","status","risk_rank","id");--> statement-breakpoint
CREATE INDEX "participant_org_code_idx" ON "participant" USING btree ("organization_id","case_code","id");--> statement-breakpoint
CREATE INDEX "participant_org_reference_idx" ON "participant" USING btree ("organization_id","reference_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user" USING btree ("email");--> statement-breakpoint
CREATE INDEX "staff_user_org_idx" ON "staff_user" USING btree ("organization_id");