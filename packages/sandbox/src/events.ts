import { EventEmitter } from 'node:events';
import type { Environment } from './auth/keys.js';

export type ChangeAction = 'created' | 'updated' | 'deleted';

/** Emitted after every committed create, update and delete (ids only, never resource content). */
export interface ChangeEvent {
  /** Registry path, e.g. `care-plans`. */
  resource: string;
  /** Singular event name, e.g. `care-plan` (webhooks send `care-plan.created`). */
  event: string;
  id: string;
  action: ChangeAction;
  tenant: string;
  environment: Environment;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** In-process change feed: webhook delivery subscribes here, so the engine needs no changes for it. */
export class ChangeEvents {
  readonly #emitter = new EventEmitter();

  /** Subscribes; returns the function that unsubscribes. Listener errors are swallowed (not the writer's problem). */
  on(listener: ChangeListener): () => void {
    const safe = (event: ChangeEvent) => {
      try {
        listener(event);
      } catch {
        // A failing subscriber must not break the request that caused the change.
      }
    };
    this.#emitter.on('change', safe);
    return () => this.#emitter.off('change', safe);
  }

  emit(event: ChangeEvent): void {
    this.#emitter.emit('change', event);
  }
}
