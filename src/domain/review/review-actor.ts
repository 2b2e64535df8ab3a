/** Who performs a workflow action: a user id, the user's role and the user's scope. */
import type { Role } from '../access/roles.ts';
import type { Scope, UnitRef } from '../access/scope.ts';
import { scopeCovers } from '../access/scope.ts';

export interface ReviewActor {
  readonly userId: string;
  readonly role: Role;
  readonly scope: Scope;
}

/** Whether the actor's scope reaches the given commune (or, with no commune, the province). */
export function actorCovers(actor: ReviewActor, unit: UnitRef): boolean {
  return scopeCovers(actor.scope, unit);
}
