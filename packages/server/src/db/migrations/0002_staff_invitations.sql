CREATE TABLE "staff_invitation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"accepted_session_id" uuid
);
--> statement-breakpoint
ALTER TABLE "staff_user" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_user" ADD COLUMN "mfa_reset_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_user_id_staff_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_created_by_user_id_staff_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_accepted_session_id_auth_session_id_fk" FOREIGN KEY ("accepted_session_id") REFERENCES "public"."auth_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitation_token_key" ON "staff_invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_invitation_user_idx" ON "staff_invitation" USING btree ("organization_id","user_id");--> statement-breakpoint
-- Invitation and set-up links: tenant isolation like every table, plus one keyed look-up before
-- the organization is known: only the link whose token hash was presented is visible.
GRANT SELECT, INSERT, UPDATE ON staff_invitation TO cope_app;
--> statement-breakpoint
ALTER TABLE staff_invitation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE staff_invitation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_invitation
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
CREATE POLICY token_lookup ON staff_invitation FOR SELECT
  USING (token_hash = app_setting('app.invitation_token_hash'));
