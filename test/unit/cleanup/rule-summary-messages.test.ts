import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { CLEANUP_RULES, runCleanup, type RuleProposal } from '../../../lib/cleanup';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

const english = createTranslator({ locale: 'en', messages: en, namespace: 'import.cleanupRules' });
const russian = createTranslator({ locale: 'ru', messages: ru, namespace: 'import.cleanupRules' });

const proposals: RuleProposal[] = [
  ...runCleanup('').proposals,
  ...readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => runCleanup(readFileSync(path.join(CORPUS_DIR, name), 'utf8')).proposals),
];

describe('the cleanup report in the interface’s language (import.cleanupRules.<id>.summary)', () => {
  it('has a name, a description and a summary for every rule', () => {
    for (const rule of CLEANUP_RULES) {
      expect(english(`${rule.id}.title`)).toBe(rule.title);
      expect(english(`${rule.id}.description`)).toBe(rule.description);
      expect(russian(`${rule.id}.title`)).not.toBe(rule.title);
    }
  });

  it('reads in English as the rule’s own line, its numbers grouped', () => {
    const found = new Set(proposals.filter((proposal) => proposal.count > 0).map((proposal) => proposal.ruleId));
    // Most rules find something in the corpus, so their figures are read, not only their "nothing" line.
    expect(found.size).toBeGreaterThanOrEqual(CLEANUP_RULES.length - 2);
    for (const proposal of proposals) {
      const line = english(`${proposal.ruleId}.summary`, proposal.summaryValues);
      expect(line.replace(/(?<=\d),(?=\d{3})/gu, '')).toBe(proposal.summary);
    }
  });

  it('names the layouts of the structure rules’ examples as their English lines do', () => {
    const examples = proposals.flatMap((proposal) => proposal.examples).filter((example) => example.layout);
    expect(new Set(examples.map((example) => example.layout?.style))).toEqual(new Set(['LIST_ITEM', 'QUOTE', 'SPEAKER_TURN']));
    const layouts = createTranslator({ locale: 'en', messages: en, namespace: 'import.ruleList' });
    for (const { after, layout } of examples) if (layout) expect(`[${layouts('exampleLayout', { style: layout.style, name: layout.name })}] ${layout.text}`).toBe(after);
  });

  it('reads in Russian from the same figures', () => {
    for (const proposal of proposals) expect(russian(`${proposal.ruleId}.summary`, proposal.summaryValues)).toMatch(/^[^{}]*[а-яё][^{}]*$/u);
    const turns = proposals.find((proposal) => proposal.ruleId === 'speaker-turns' && proposal.count > 0);
    expect(turns && russian('speaker-turns.summary', turns.summaryValues)).toMatch(/^\d+ реплик[аи]?, \d+ собеседник/u);
  });
});
