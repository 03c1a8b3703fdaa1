import { languageEndonym } from './language-facts';
import type { ExportPlan } from './types';

/** A line of a download's title page: what it is and, for the source page, where it links. */
export interface TitleLine {
  kind: 'byline' | 'edition' | 'translators' | 'languages' | 'licence' | 'provenance' | 'source' | 'collection';
  text: string;
  href?: string;
}

/**
 * What a download says of itself before the text, the same in every format: author and date,
 * the edition printed, the translators, the languages, licence, provenance, source page and
 * collection (lines with nothing to say are left out). Pure.
 */
export function titleLines(plan: Pick<ExportPlan, 'author' | 'dateText' | 'sourceEdition' | 'translators' | 'languages' | 'licence' | 'provenance' | 'sourceUrl' | 'collection' | 'title'>): TitleLine[] {
  const lines: TitleLine[] = [];
  const byline = [plan.author, plan.dateText].map((part) => part.trim()).filter(Boolean).join(', ');
  if (byline) lines.push({ kind: 'byline', text: byline });
  if (plan.sourceEdition.trim() && plan.sourceEdition.trim() !== plan.title.trim()) lines.push({ kind: 'edition', text: plan.sourceEdition.trim() });
  for (const { language, names } of plan.translators) {
    if (names.length > 0) lines.push({ kind: 'translators', text: `Translated into ${languageEndonym(language)} by ${names.join(', ')}` });
  }
  lines.push({ kind: 'languages', text: plan.languages.map(languageEndonym).join(' · ') });
  if (plan.licence.trim()) lines.push({ kind: 'licence', text: `Licence: ${plan.licence.trim()}` });
  if (plan.provenance.trim()) lines.push({ kind: 'provenance', text: plan.provenance.trim() });
  if (/^https?:\/\//iu.test(plan.sourceUrl)) lines.push({ kind: 'source', text: plan.sourceUrl, href: plan.sourceUrl });
  lines.push({ kind: 'collection', text: `From the collection “${plan.collection.title}” of Interlinear` });
  return lines;
}
