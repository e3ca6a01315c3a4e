import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage> & {
  getTargetValidationMetadatas(target: object, schema: string | undefined, always?: boolean, strictGroups?: boolean, groups?: string[]): ValidationMetadata[];
  groupByPropertyName(metadata: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  addValidationMetadata(metadata: ValidationMetadata): void;
};

const installed = Symbol.for('capmatch.validationMetadataCache');

/**
 * class-validator works out a class's rules again for every object it validates: it filters the
 * metadata of the class and walks every registered class for inherited ones, then groups them by
 * property. The rules only change when a decorator registers a new one, so both answers are
 * remembered per class (without groups or a schema, which the platform's pipe never passes) and
 * forgotten whenever a rule is added. The arrays handed out are only read by class-validator.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as Storage & { [installed]?: true };
  if (storage[installed]) return;
  storage[installed] = true;
  const targets = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byTarget = new Map<object, ValidationMetadata[]>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    byTarget = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema !== undefined || (groups !== undefined && groups.length > 0) || always || strictGroups) {
      return targets(target, schema, always, strictGroups, groups);
    }
    let found = byTarget.get(target);
    if (!found) byTarget.set(target, (found = targets(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
