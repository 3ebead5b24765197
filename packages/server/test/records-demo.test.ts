/** The demo cases carry sealed intake records and blind indexes, readable through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoLogin, loadDemo } from '../src/demo/seed.js';
import { CSRF_HEADER } from '../src/resources/auth/csrf.js';
import { createTestApp, nextTotp, sessionCookie, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';

describe.each(DATABASE_KINDS)('demo intake records on %s', (kind) => {
  let t: TestApp;
  let logins: DemoLogin[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    logins = await loadDemo(t.database.db, t.database.keyring);
  });
  afterAll(() => t?.close());

  it('saves every intake step of the cases past intake, sealed, with their indexes', async () => {
    const rows = await t.database.ownerQuery<{ status: string; intake_steps: string[]; sections: number }>(
      `select status, intake_steps,
              (select count(*)::int from case_record r where r.participant_id = p.id) as sections
         from participant p`,
    );
    for (const row of rows.filter((r) => r.status !== 'intake')) {
      expect(row.intake_steps).toHaveLength(7);
      expect(row.sections).toBe(5);
    }
    for (const row of rows.filter((r) => r.status === 'intake')) {
      expect(row.intake_steps[0]).toBe('person');
      expect(row.intake_steps.length).toBeLessThan(7);
    }
    const [lookups] = await t.database.ownerQuery<{ phones: number; names: number }>(
      `select count(*) filter (where kind = 'phone')::int as phones,
              count(*) filter (where kind = 'name_birth')::int as names
         from participant_lookup`,
    );
    expect(lookups?.phones).toBeGreaterThan(20);
    expect(lookups?.names).toBeGreaterThan(40);
    const dump = await t.database.ownerQuery<{ data_enc: string }>('select data_enc from case_record');
    expect(JSON.stringify(dump)).not.toMatch(/\+34 699|DEMO-|sunflower/);
  });

  it('opens a record of one of her cases for the harbour social worker', async () => {
    const login = logins.find((l) => l.role === 'social_worker' && l.email.endsWith('@harbour.example'));
    if (!login) throw new Error('no demo social worker');
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: login.email, password: login.password },
    });
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: sessionCookie(signedIn), [CSRF_HEADER]: signedIn.json().csrfToken },
      payload: { code: await nextTotp(login.totpSecret) },
    });
    const cookie = sessionCookie(verify);
    const [mine] = await t.database.ownerQuery<{ id: string }>(
      `select p.id from participant p join staff_user s on s.id = p.reference_user_id
        where s.email = $1 and p.status <> 'intake' limit 1`,
      [login.email],
    );
    const record = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${mine?.id}/records/identity`,
      headers: { cookie },
    });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().data.contact.phones[0]).toMatch(/^\+34 699 \d{3} \d{3}$/);
    expect(record.json().data.languages.languages.length).toBeGreaterThan(0);
    expect(record.json().data.person.citizenship).toMatch(/^[A-Z]{2}$/);
  });
});
