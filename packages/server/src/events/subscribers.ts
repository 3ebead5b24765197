/**
 * Who reacts to case events, in order. A later module adds its subscriber here; publishers stay
 * unchanged.
 */
import { markAssessmentStale } from '../resources/risk/reassessment.js';
import type { CaseEventSubscriber } from './case-events.js';

export const SUBSCRIBERS: readonly CaseEventSubscriber[] = [markAssessmentStale];
