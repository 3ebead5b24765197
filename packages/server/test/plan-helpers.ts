/** Shared set-up for the plan tests: an organization, her team, signed-in staff, and requests. */
import { randomUUID } from 'node:crypto';
import type { TPlanGoal, TPlanStep } from '@cope/contracts';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import type { DatabaseKind } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

export const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export interface PlanWorld {
  t: TestApp;
  org: TestOrganization;
  participantId: string;
  reference: TestStaff;
  peer: TestStaff;
  outsider: TestStaff;
  cookies: Record<string, string>;
}

export async function planWorld(kind: DatabaseKind, participants = ['Nadia Ficticia']): Promise<PlanWorld> {
  const t = await createTestApp(kind);
  const org = await createOrganization(t.database, { roles: ['coordinator'], participants });
  const other = await createOrganization(t.database, {
    roles: ['coordinator'],
    participants: ['Otra Persona'],
  });
  const participantId = org.participants[0]?.id ?? '';
  const reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
  const peer = await addStaff(t.database, org.id, 'peer_worker', 'pilar');
  const outsider = await addStaff(t.database, org.id, 'social_worker', 'olga');
  for (const p of org.participants) {
    await assignTeam(t.database, org.id, p.id, [
      { userId: reference.id, reference: true },
      { userId: peer.id },
    ]);
  }
  const cookies: Record<string, string> = {};
  for (const [name, staff] of Object.entries({ reference, peer, outsider }))
    cookies[name] = await signIn(t.app, staff);
  cookies.elsewhere = await signIn(t.app, other.staff.coordinator ?? reference);
  return { t, org, participantId, reference, peer, outsider, cookies };
}

/** Requests as one of the signed-in people, on her case (or another given). */
export function planClient(world: PlanWorld) {
  const send = (
    who: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    rest: string,
    payload?: object,
    id?: string,
  ) =>
    world.t.app.inject({
      method,
      url: `/api/participants/${id ?? world.participantId}${rest}`,
      headers: { cookie: world.cookies[who] ?? '' },
      ...(payload ? { payload } : {}),
    });
  return {
    get: (who: string, rest: string, id?: string) => send(who, 'GET', rest, undefined, id),
    post: (who: string, rest: string, payload: object = {}, id?: string) =>
      send(who, 'POST', rest, payload, id),
    put: (who: string, rest: string, payload: object, id?: string) => send(who, 'PUT', rest, payload, id),
    del: (who: string, rest: string, id?: string) => send(who, 'DELETE', rest, undefined, id),
  };
}

export function step(change: Partial<TPlanStep> = {}): TPlanStep {
  return {
    id: randomUUID(),
    what: 'Enrol in the evening Spanish course',
    owner: { kind: 'herself' },
    targetOn: isoDateIn(30),
    status: 'planned',
    supports: [],
    ...change,
  };
}

export function goal(change: Partial<TPlanGoal> = {}): TPlanGoal {
  return {
    id: randomUUID(),
    sphere: 'education',
    text: 'I want to speak Spanish well',
    steps: [step()],
    ...change,
  };
}

export async function auditCount(world: PlanWorld, action: string, outcome = 'allowed'): Promise<number> {
  const [row] = await world.t.database.ownerQuery<{ n: number }>(
    `select count(*)::int as n from audit_event where action = $1 and resource_id = $2 and outcome = $3`,
    [action, world.participantId, outcome],
  );
  return row?.n ?? 0;
}
