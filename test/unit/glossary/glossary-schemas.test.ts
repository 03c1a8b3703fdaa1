import { describe, expect, it } from 'vitest';

import { issueMessage } from '../../../lib/errors/localize-error';
import { glossaryPairSchema } from '../../../lib/glossary/schemas';
import ru from '../../../lib/i18n/messages/ru.json';

describe('glossary schemas', () => {
  it('refuses a pair of one language with a message in the reader’s language', () => {
    const parsed = glossaryPairSchema.safeParse({ collectionId: '0191c2e4-5b6a-7c8d-9e0f-112233445566', source: 'en', target: 'en' });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(['target']);
    expect(issue?.message).toBe('Choose two different languages.');
    expect(issue && issueMessage(issue, 'ru')).toBe(ru.errors.exchange.sameLanguages);
  });
});
