import { FACTORS } from '@capmatch/engine';
import { en } from '../web/src/i18n/en';
import { LANGUAGES, MESSAGES } from '../web/src/i18n/messages';

// The console names every factor of an explanation in the reader's language; a factor added to
// the engine's table without a label would show its internal name to a coordinator.
describe('factor labels', () => {
  it('has a label for every factor of the engine, in each of the six UN languages', () => {
    for (const factor of FACTORS) {
      const key = `factor.${factor}`;
      expect([factor, Object.hasOwn(en, key)]).toEqual([factor, true]);
      for (const lang of LANGUAGES) {
        expect([lang, factor, (MESSAGES[lang] as Record<string, string>)[key]?.trim()]).toEqual([lang, factor, expect.any(String)]);
        expect((MESSAGES[lang] as Record<string, string>)[key].trim()).not.toBe('');
      }
    }
  });
});
