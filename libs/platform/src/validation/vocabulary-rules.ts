import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min, type ValidationOptions } from 'class-validator';
import { IsLanguageCode } from './field-rules';

/** Arrays hold at most this many values: enough for any real need, small enough to score fast. */
export const MAX_LIST = 20;

/** One value of a vocabulary, the message listing the allowed ones. */
export const OneOf = (values: readonly string[], options?: ValidationOptions) =>
  IsIn([...values], { message: `${options?.each ? 'each value in ' : ''}$property must be one of: ${values.join(', ')}`, ...options });

/** A list of distinct values of one vocabulary. */
export function VocabularyList(values: readonly string[], min: number, max = MAX_LIST): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), ArrayUnique(), OneOf(values, { each: true }));
}

/** A list of distinct ISO 639 codes. */
export function LanguageList(min = 1): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(MAX_LIST), ArrayUnique(), IsLanguageCode({ each: true }));
}

const SDG_MESSAGE = 'each value in $property must be an integer from 1 to 17';

/** Distinct Sustainable Development Goals, 1–17. */
export function SdgList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(17),
    ArrayUnique(),
    IsInt({ each: true, message: SDG_MESSAGE }),
    Min(1, { each: true, message: SDG_MESSAGE }),
    Max(17, { each: true, message: SDG_MESSAGE }),
  );
}
