import { registerAs } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

type EnvClass<T> = new () => T;

/** Thrown at start-up when the environment is unusable; the message names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Each bad variable as the operator wrote it (`source`: before conversion, so "eighty" and not NaN). */
function describe(errors: ValidationError[], source: Record<string, unknown>): string[] {
  return errors.map((e) => {
    const value = source[e.property];
    const shown = value === undefined ? 'unset' : JSON.stringify(String(value));
    return `${e.property} (${shown}): ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
}

/**
 * Reads and validates one group of environment variables into a typed object. Property names
 * are the variable names; defaults are the class's initialisers; `@Type(() => Number)` and
 * `@Transform` convert strings. Unknown variables are ignored (the environment holds plenty).
 */
export function readEnv<T extends object>(cls: EnvClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const source: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    source[key] = raw === undefined || raw === '' ? defaults[key] : raw;
  }
  const instance = plainToInstance(cls, source, { exposeDefaultValues: true });
  const errors = validateSync(instance as object, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigurationError(describe(errors, source));
  return Object.freeze(instance);
}

/**
 * A validated, typed config namespace for `ConfigModule.forRoot({ load: [...] })`:
 * `export const busConfig = defineConfig('bus', BusEnv)`, then inject it with
 * `@Inject(busConfig.KEY) cfg: ConfigType<typeof busConfig>`.
 */
export function defineConfig<T extends object>(namespace: string, cls: EnvClass<T>) {
  return registerAs(namespace, () => readEnv(cls));
}
