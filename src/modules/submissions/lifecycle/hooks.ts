import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notifyCitizenOnTransition } from '../../account/notify/transition-hook.ts';
import { enqueueDeliveriesHook } from '../../delivery/outbox/enqueue.ts';
import { storeDocumentsHook } from '../documents/record.ts';
import type { TransitionEvent } from './transition.ts';

/**
 * Runs inside the transaction of every state change, after the event is recorded. A hook that throws
 * rolls the transition back. Modules add theirs here (one line each):
 * - documents: on `ready_for_delivery`, render and store the documents of record (PDF, XÖV);
 * - delivery: on `ready_for_delivery`, enqueue one delivery job per route;
 * - account: notify the citizen by e-mail that something new is waiting.
 */
export type TransitionHook = (trx: Transaction<DB>, deps: Deps, event: TransitionEvent) => Promise<void>;

export const transitionHooks: TransitionHook[] = [];
transitionHooks.push(notifyCitizenOnTransition);
transitionHooks.push(storeDocumentsHook);
transitionHooks.push(enqueueDeliveriesHook);
