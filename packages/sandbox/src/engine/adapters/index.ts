import type { ResourceAdapter } from '../adapter.js';
import { patientAdapter } from './patient.js';

/** Every adapter the sandbox serves, looked up by REST path or FHIR type. */
export class AdapterRegistry {
  readonly #byPath = new Map<string, ResourceAdapter>();
  readonly #byFhirType = new Map<string, ResourceAdapter>();

  constructor(adapters: readonly ResourceAdapter[]) {
    for (const adapter of adapters) {
      this.#byPath.set(adapter.definition.path, adapter);
      this.#byFhirType.set(adapter.definition.fhirType, adapter);
    }
  }

  get(path: string): ResourceAdapter | undefined {
    return this.#byPath.get(path);
  }

  require(path: string): ResourceAdapter {
    const adapter = this.#byPath.get(path);
    if (!adapter) throw new Error(`No adapter for ${path}`);
    return adapter;
  }

  byFhirType(fhirType: string): ResourceAdapter | undefined {
    return this.#byFhirType.get(fhirType);
  }

  all(): ResourceAdapter[] {
    return [...this.#byPath.values()];
  }
}

export const ADAPTERS: readonly ResourceAdapter[] = [patientAdapter];

export const createAdapterRegistry = () => new AdapterRegistry(ADAPTERS);
