import { Select } from '@mantine/core';
import { useConsole } from '../context';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/messages';

export function LanguagePicker() {
  const { lang, setLang, t } = useConsole();
  return (
    <Select label={t('language')} value={lang} onChange={(v) => v && setLang(v as Language)} allowDeselect={false} w={140} size="xs"
      data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} comboboxProps={{ withinPortal: true }} />
  );
}
