import { UuidParam } from '@capmatch/platform';

/** The `:id` path parameter, a UUID, else 400 naming `id` (the platform's one UUID pipe). */
export const IdParam = (): ParameterDecorator => UuidParam('id');
