import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A whole-number setting read from a string variable, from `min` to `max` inclusive: the same as
 * `@Type(() => Number) @IsInt() @Min(min) @Max(max)`, applied in that stack's order (bottom up),
 * so the start-up error lists the broken rules as before.
 */
export function IntSetting(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [Max(max), Min(min), IsInt(), Type(() => Number)]) decorate(target, key);
  };
}
