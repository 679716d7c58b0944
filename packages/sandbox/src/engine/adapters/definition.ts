import { getResource, type ResourceDefinition } from '@clinikapi/core';

/** The registry entry of a path; a typo here is a startup error, not a silent gap. */
export function definitionOf(path: string): ResourceDefinition {
  const definition = getResource(path);
  if (!definition) throw new Error(`No registry entry for ${path}`);
  return definition;
}
