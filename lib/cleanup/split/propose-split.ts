import { detectAnthology } from './detect-anthology';
import { detectWorks, type DetectWorksInput, type SplitProposal } from './detect-works';

/**
 * The split the import proposes for a cleaned text: by its table of contents when it has one
 * ({@link detectWorks}), else into the pieces of an anthology found by their structure
 * ({@link detectAnthology}); null when neither finds at least two parts. Pure; the preview and the
 * volume import both call it, so they propose the same parts.
 */
export function proposeSplit(cleaned: DetectWorksInput): SplitProposal | null {
  const byContents = detectWorks(cleaned);
  if (byContents && byContents.works.length >= 2) return byContents;
  const anthology = detectAnthology(cleaned);
  return anthology && anthology.works.length >= 2 ? anthology : null;
}
