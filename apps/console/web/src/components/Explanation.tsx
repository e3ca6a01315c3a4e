import { Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { ExplanationEntry } from '../api';
import { useConsole } from '../context';
import { en } from '../i18n/en';
import type { MessageKey } from '../i18n/messages';

/** The label of a factor the console knows (every factor of the engine's table has one), else its name. */
function factorKey(factor: string): MessageKey | null {
  const key = `factor.${factor}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : null;
}

function level(score: number): MessageKey {
  return score >= 0.75 ? 'level.strong' : score >= 0.4 ? 'level.partial' : 'level.weak';
}

/**
 * A suggestion's explanation: one bar per factor (its score; the bar's label says its weight),
 * heaviest first, and a sentence in the reader's language, with the engine's own detail below.
 */
export function Explanation({ entries, idPrefix }: { entries: ExplanationEntry[]; idPrefix: string }) {
  const { t, number } = useConsole();
  const sorted = [...entries].sort((a, b) => b.weight - a.weight);
  const pct = (x: number) => `${number(Math.round(x * 100), 0)}%`;
  return (
    <Stack gap={6}>
      {sorted.map((e) => {
        const key = factorKey(e.factor);
        const factor = key ? t(key) : e.factor;
        const sentence = t('factorSentence', { factor, level: t(level(e.score)), score: pct(e.score), weight: pct(e.weight) });
        const id = `${idPrefix}-${e.factor}`;
        return (
          <div key={e.factor}>
            <Text size="xs" id={id}>{sentence}</Text>
            <Tooltip label={e.detail} disabled={!e.detail} multiline w={260}>
              <Progress.Root size="md" aria-hidden>
                <Progress.Section value={Math.round(e.score * 100)} color={e.score >= 0.75 ? 'teal' : e.score >= 0.4 ? 'yellow' : 'red'} />
              </Progress.Root>
            </Tooltip>
            {e.detail && <Text size="xs" c="dimmed" lang="en">{e.detail}</Text>}
          </div>
        );
      })}
    </Stack>
  );
}
