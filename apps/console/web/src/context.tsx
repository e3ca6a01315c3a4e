import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call, type ApiOptions, type Taxonomy } from './api';
import { format, isRtl, LANGUAGES, type Language, type MessageKey } from './i18n/messages';
import type { Session } from './session';

type VocabularyName = 'capacityAreas' | 'targetGroups' | 'cooperationTypes' | 'groups' | 'regions' | 'providerKinds';

export interface ConsoleContext {
  lang: Language;
  setLang: (lang: Language) => void;
  dir: 'ltr' | 'rtl';
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A vocabulary value's label in the current language (from GET /v1/taxonomy), else the value. */
  label: (vocabulary: VocabularyName, value: string) => string;
  session: Session | null;
  api: ApiOptions;
  /** Formats numbers and dates for the current language. */
  number: (n: number, digits?: number) => string;
  date: (iso: string) => string;
}

const Context = createContext<ConsoleContext | null>(null);
const LANG_KEY = 'capmatch.lang';

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

export function ConsoleProvider({ session, children }: { session: Session | null; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const dir = isRtl(lang) ? 'rtl' : 'ltr';
  const api = useMemo(() => ({ token: session?.token ?? null, lang }), [session, lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);

  useEffect(() => {
    if (!session) return;
    let live = true;
    call<Taxonomy>(api, 'GET', '/v1/taxonomy').then((t) => live && setTaxonomy(t), () => live && setTaxonomy(null));
    return () => {
      live = false;
    };
  }, [api, session]);

  const setLang = useCallback((next: Language) => {
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo<ConsoleContext>(() => {
    const labels = new Map<string, string>();
    if (taxonomy) {
      for (const name of ['capacityAreas', 'targetGroups', 'cooperationTypes', 'groups', 'regions', 'providerKinds'] as const) {
        for (const entry of taxonomy[name] ?? []) labels.set(`${name}:${entry.value}`, entry.label);
      }
    }
    const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
    const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    return {
      lang, setLang, dir, session, api,
      t: (key, values) => format(lang, key, values),
      label: (vocabulary, v) => labels.get(`${vocabulary}:${v}`) ?? v,
      number: (n, digits) => (digits === undefined ? numbers : new Intl.NumberFormat(lang, { maximumFractionDigits: digits })).format(n),
      date: (iso) => dates.format(new Date(iso)),
    };
  }, [lang, setLang, dir, session, api, taxonomy]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConsole(): ConsoleContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useConsole outside ConsoleProvider');
  return ctx;
}
