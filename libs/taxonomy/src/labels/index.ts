import type { Lang } from '../language';
import { AR } from './ar.labels';
import { EN } from './en.labels';
import { ES } from './es.labels';
import { FR } from './fr.labels';
import type { LabelSet } from './label-set';
import { RU } from './ru.labels';
import { ZH } from './zh.labels';

export type { LabelSet } from './label-set';

/** Labels in the six official UN languages; every set is complete (see labels.spec.ts). */
export const LABELS: Readonly<Record<Lang, LabelSet>> = Object.freeze({ ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES });
