import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsLanguageCode } from './request.validators';

/** Arrays hold at most this many values: enough for any real need, small enough to score fast. */
export const MAX_ARRAY = 20;

/** A list of distinct values of one vocabulary. */
export function VocabularyList(values: readonly string[], min: 0 | 1): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(MAX_ARRAY),
    ArrayUnique(),
    IsIn([...values], { each: true, message: (a) => `each value in ${a.property} must be one of: ${values.join(', ')}` }),
  );
}

export function LanguageList(): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_ARRAY), ArrayUnique(), IsLanguageCode({ each: true }));
}

export function SdgList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(17),
    ArrayUnique(),
    IsInt({ each: true, message: 'each value in sdgs must be an integer from 1 to 17' }),
    Min(1, { each: true, message: 'each value in sdgs must be an integer from 1 to 17' }),
    Max(17, { each: true, message: 'each value in sdgs must be an integer from 1 to 17' }),
  );
}
