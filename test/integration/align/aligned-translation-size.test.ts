import { describe, expect, it } from 'vitest';

import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { MAX_ALIGNED_SENTENCES } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { buildWork } from '../../helpers/factories';

describe('the size of a translation to align', () => {
  it('refuses a translation of more sentences than one alignment takes, before aligning, and stores nothing', async () => {
    const work = await buildWork({ text: 'The harbour opened in 1921. Ships came from Riga.\n' });
    // One short sentence per line, one past the limit: the file itself is small (about 500 KB).
    const text = Array.from({ length: MAX_ALIGNED_SENTENCES + 1 }, (_, i) => `Phrase ${i + 1}.`).join('\n');
    const error = await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: work.workId, file: { name: 'fr.txt', bytes: new TextEncoder().encode(text) }, provenance: { language: 'fr' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((error as AppError).message).toContain(`${new Intl.NumberFormat('en').format(MAX_ALIGNED_SENTENCES + 1)} sentences`);
    expect((error as AppError).details).toEqual({ limit: MAX_ALIGNED_SENTENCES, sentences: MAX_ALIGNED_SENTENCES + 1 });
    expect(await getDb().workLanguage.count({ where: { workId: work.workId, language: 'fr' } })).toBe(0);
    expect(await getDb().upload.count({ where: { workId: work.workId, filename: 'fr.txt' } })).toBe(0);
  });

  it('aligns a translation within the limit as before', async () => {
    const work = await buildWork({ text: 'The harbour opened in 1921. Ships came from Riga.\n' });
    const summary = await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: work.workId, file: { name: 'fr.txt', bytes: new TextEncoder().encode('Le port ouvrit en 1921. Des navires vinrent de Riga.\n') }, provenance: { language: 'fr' } });
    expect(summary.targetSentences).toBe(2);
  });
});
