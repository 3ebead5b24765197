/** Revealing her legal identity: full identity access only, step-up for protected witnesses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { createParticipants, simulateStepUp } from './security-helpers.js';

describe.each(DATABASE_KINDS)('identity reveal on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let witness: string;
  let ordinary: string;
  let coordinator: string;
  let peer: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator'] });
    const [a, b] = await createParticipants(t.database, org.id, [
      { preferredName: 'Lira', legalName: 'Lirana Testimova', birthDate: '1994-03-02' },
      { preferredName: 'Mona', legalName: 'Monela Ordinara', birthDate: '1999-11-20' },
    ]);
    witness = a?.id ?? '';
    ordinary = b?.id ?? '';
    await t.database.ownerQuery('update participant set is_protected_witness = true where id = $1', [
      witness,
    ]);
    const peerWorker = await addStaff(t.database, org.id, 'peer_worker', 'peer');
    await assignTeam(t.database, org.id, witness, [{ userId: peerWorker.id }]);
    coordinator = await signIn(t.app, org.staff.coordinator ?? peerWorker);
    peer = await signIn(t.app, peerWorker);
  });
  afterAll(() => t?.close());

  const reveal = (cookie: string, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/participants/${id}/identity`, headers: { cookie } });

  it('shows the legal identity to those with full identity access, and audits it', async () => {
    const response = await reveal(coordinator, ordinary);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      preferredName: 'Mona',
      legalName: 'Monela Ordinara',
      birthDate: '1999-11-20',
      protectedWitness: false,
    });
    const events = await t.database.ownerQuery(
      `select 1 from audit_event where action = 'participant.reveal_identity' and resource_id = $1`,
      [ordinary],
    );
    expect(events).toHaveLength(1);
  });

  it('asks for a fresh second factor before revealing a protected witness', async () => {
    await simulateStepUp(t.database, coordinator, 600);
    const stale = await reveal(coordinator, witness);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('STEP_UP_REQUIRED');
    await simulateStepUp(t.database, coordinator, 0);
    const fresh = await reveal(coordinator, witness);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ legalName: 'Lirana Testimova', protectedWitness: true });
  });

  it('never reveals it to a team member with the alias-only view', async () => {
    const response = await reveal(peer, witness);
    expect(response.statusCode).toBe(403);
    expect(JSON.stringify(response.json())).not.toContain('Lirana');
  });
});
