/**
 * Domain events about a case. A module that records something significant (a new home, a new
 * venue, a legal change, an incident, contact from traffickers, a group enrolment) publishes
 * one event; the subscribers in subscribers.ts react inside the same transaction, so the event
 * and everything it causes are saved together or not at all. Publishers never know who listens.
 */
import type { ReassessmentTrigger } from '@cope/domain';
import type { Tx } from '../db/tenant.js';
import type { Viewer } from '../resources/auth/sessions.js';
import type { Keyring } from '../security/keyring.js';
import { SUBSCRIBERS } from './subscribers.js';

export interface CaseEvent {
  kind: ReassessmentTrigger;
  participantId: string;
  /** Codes and ids only (a place id, an incident id), never names or case content. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface EventContext {
  tx: Tx;
  keyring: Keyring;
  /** Who recorded what caused the event. */
  viewer: Viewer;
  now?: Date;
}

export type CaseEventSubscriber = (context: EventContext, event: CaseEvent) => Promise<void>;

export async function publishCaseEvent(context: EventContext, event: CaseEvent): Promise<void> {
  for (const subscriber of SUBSCRIBERS) await subscriber(context, event);
}
