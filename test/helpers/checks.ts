import { runChecks } from '../../lib/checks/run-checks';
import { EMPTY_CONTEXT, type CheckContext, type Finding, type GlossaryHit } from '../../lib/checks/types';

/** A context whose footnotes are known (none), so the footnote check runs. */
export const KNOWN: CheckContext = { ...EMPTY_CONTEXT, footnotes: [] };

/** The findings of every check on one translation (English into Russian unless told). */
export function check(source: string, target: string, { from = 'en', to = 'ru', context = KNOWN }: { from?: string; to?: string; context?: CheckContext } = {}): Finding[] {
  return runChecks({ source, target, sourceLanguage: from, targetLanguage: to }, context);
}

/** The glossary's “Soviet” found at 4–10 of “The Soviet met.”: preferred “Совет”, forbidden “совдеп”, admitted “Совет депутатов”. */
export const sovietHit = (overrides: Partial<GlossaryHit> = {}): GlossaryHit => ({
  termId: 'term-soviet',
  term: 'Soviet',
  start: 4,
  end: 10,
  translations: [
    { text: 'Совет', status: 'preferred', stems: ['совет'] },
    { text: 'совдеп', status: 'forbidden', stems: ['совдеп'] },
    { text: 'Совет депутатов', status: 'admitted', stems: ['совет', 'депутат'] },
  ],
  ...overrides,
});
