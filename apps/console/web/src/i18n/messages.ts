import { ar } from './ar';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

/** The six official languages of the United Nations, as the taxonomy endpoint serves them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { ar, zh, en, fr, ru, es };

export const isRtl = (lang: Language): boolean => lang === 'ar';

/** A message with its `{name}` placeholders filled in. */
export function format(lang: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export type { MessageKey };
