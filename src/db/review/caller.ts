/** Who calls the review storage: the audit actor, the role and the scope (from the server's auth context). */
import type { Actor } from '../audit.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { ReviewActor } from '../../domain/review/review-actor.ts';

export interface Caller {
  readonly actor: Actor;
  readonly role: Role;
  readonly scope: Scope;
}

export function reviewActorOf(caller: Caller): ReviewActor {
  return { userId: String(caller.actor.id ?? caller.actor.username), role: caller.role, scope: caller.scope };
}
