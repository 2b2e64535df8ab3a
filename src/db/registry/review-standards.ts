/** The compiled standards a review classifies with: the campaign's national standard, then its local one. */
import { compileStandard, type CompiledStandard } from '../../domain/classification/compiled-standard.ts';
import { defaultStandardRegistry, type StandardRegistry } from '../../domain/standards/registry.ts';
import { RegistryError } from './errors.ts';
import type { ReviewContext } from './review-context.ts';

export function compiledStandardsOf(ctx: Pick<ReviewContext, 'standardId' | 'localStandardId'>, registry: StandardRegistry = defaultStandardRegistry): CompiledStandard[] {
  const ids = [ctx.standardId, ...(ctx.localStandardId ? [ctx.localStandardId] : [])];
  return ids.map((id) => {
    if (!registry.has(id)) throw new RegistryError('standard_unknown', { id });
    return compileStandard(registry.get(id));
  });
}
