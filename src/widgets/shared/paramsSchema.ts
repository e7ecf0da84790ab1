/**
 * The zod schema of a widget's URL parameters, generated from its declared shape. Used where zod's
 * weight does not matter (the server, tests, tooling); shared/params.ts validates the same rules in
 * the browser, and the tests check the two agree.
 */
import { z } from 'zod';
import { MAX_PARAM_LENGTH, NUMBER_PATTERN, type ParamDef, type ParamShape, type ParamsSpec } from './params.ts';

export function paramSchema(def: ParamDef) {
  if (def.kind === 'enum') return z.enum(def.values as [string, ...string[]]);
  const pattern = def.kind === 'number' ? NUMBER_PATTERN : def.pattern;
  return z
    .string()
    .max(MAX_PARAM_LENGTH)
    .regex(pattern, def.kind === 'number' ? 'is not a number' : 'is not in the expected form');
}

/** Every parameter optional (a link may carry any subset), unknown keys stripped. */
export function paramsSchema<S extends ParamShape>(spec: ParamsSpec<S>) {
  const entries = Object.entries(spec.shape).map(([key, def]) => [key, paramSchema(def).optional()] as const);
  return z.object(Object.fromEntries(entries));
}
