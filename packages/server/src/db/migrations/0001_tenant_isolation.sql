-- Tenant isolation: the application runs every request as the role cope_app, which owns no
-- table, is not a superuser and cannot bypass row-level security. Each transaction sets the
-- organization (and user) with set_config(..., true); a missing setting matches no row.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cope_app') THEN
    CREATE ROLE cope_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  -- Roles belong to the whole server: another database migrating at the same moment may have
  -- created it between the check and the CREATE.
  WHEN duplicate_object OR unique_violation THEN NULL;
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
--> statement-breakpoint
-- Security core: audit trail, notifications, case teams, break-glass, notes, keys, second factors.
GRANT SELECT, INSERT ON audit_event, break_glass_grant TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notification, organization_key, participant_key, case_note TO cope_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_team_member, recovery_code, webauthn_credential TO cope_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['audit_event', 'notification', 'case_team_member', 'break_glass_grant', 'case_note',
                           'organization_key', 'participant_key', 'recovery_code', 'webauthn_credential']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (organization_id = app_current_org()) '
                   'WITH CHECK (organization_id = app_current_org())', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The audit trail is append-only: no role may change or remove an event through normal SQL.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
