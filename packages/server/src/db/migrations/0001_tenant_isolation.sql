-- Tenant isolation: the application runs every request as the role cope_app, which owns no
-- table, is not a superuser and cannot bypass row-level security. Each transaction sets the
-- organization (and user) with set_config(..., true); a missing setting matches no row.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cope_app') THEN
    CREATE ROLE cope_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;
--> statement-breakpoint
GRANT cope_app TO CURRENT_USER;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_current_org() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_setting(name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting(name, true), '') $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO cope_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_org(), app_setting(text) TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON instance TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organization TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON staff_user, auth_session, case_code_counter TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON participant TO cope_app;
--> statement-breakpoint
ALTER TABLE instance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE instance FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY instance_visible ON instance FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY instance_first_write ON instance FOR INSERT WITH CHECK (id = 1);
--> statement-breakpoint
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization USING (id = app_current_org()) WITH CHECK (id = app_current_org());
--> statement-breakpoint
ALTER TABLE staff_user ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE staff_user FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON staff_user
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- Sign-in must find an account before its organization is known: only the one row whose
-- email was typed is visible, and only for reading.
CREATE POLICY sign_in_lookup ON staff_user FOR SELECT USING (email = app_setting('app.sign_in_email'));
--> statement-breakpoint
ALTER TABLE auth_session ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE auth_session FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON auth_session
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
-- A request presents a session token: only the session with that token's hash is visible.
CREATE POLICY token_lookup ON auth_session FOR SELECT USING (token_hash = app_setting('app.session_token_hash'));
--> statement-breakpoint
ALTER TABLE case_code_counter ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_code_counter FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON case_code_counter
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
--> statement-breakpoint
ALTER TABLE participant ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE participant FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON participant
  USING (organization_id = app_current_org()) WITH CHECK (organization_id = app_current_org());
