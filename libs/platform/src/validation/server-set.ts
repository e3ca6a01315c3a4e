import { registerDecorator, ValidateIf } from 'class-validator';

/**
 * Class decorator naming the fields the server sets (`id`, `status`, `version`...): a client
 * sending one gets a 400 saying so, instead of the field being dropped or called unknown.
 */
export function ServerSetFields(...fields: string[]): ClassDecorator {
  return (target) => {
    for (const field of fields) {
      ValidateIf((_o, value) => value !== undefined)(target.prototype as object, field);
      registerDecorator({
        name: 'serverSet',
        target,
        propertyName: field,
        options: { message: `${field} is set by the server and cannot be given` },
        validator: { validate: () => false },
      });
    }
  };
}
