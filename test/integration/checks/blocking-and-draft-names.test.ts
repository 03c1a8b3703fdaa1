import { beforeAll, describe, expect, it } from 'vitest';

import { POST as draftNamesRoute } from '../../../app/api/works/[workId]/checks/names/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { dismissFinding } from '../../../lib/checks/dismiss-finding';
import { findDraftNames } from '../../../lib/checks/find-draft-names';
import { MAX_DRAFT_NAME_TEXTS } from '../../../lib/checks/schemas';
import { updateCheckSettings } from '../../../lib/checks/update-check-settings';
import { getDb } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import { addNameForm } from '../../../lib/names/add-name-form';
import { createName } from '../../../lib/names/create-name';
import { createNameSchema } from '../../../lib/names/schemas';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { fillRepetitions } from '../../../lib/review/fill-repetitions';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

// Sentences no other test uses (the test database is shared). The second occurrence of the
// repeated sentence carries a footnote reference, the others none.
const WORK = [
  '# The Weighing House at Kuvandyk',
  '',
  'The carts left the Kuvandyk yard at 5 in the morning. The carters of Kuvandyk sang. The carts left the Kuvandyk yard at 5 in the morning.[^1] Zinoviev counted the Kuvandyk horses. The carts left the Kuvandyk yard at 5 in the morning.',
  '',
  '[^1]: As the Kuvandyk ledger says.',
  '',
].join('\n');

describe('blocking checks wherever a translation enters, and names in drafts being typed', () => {
  let collectionId: string;
  let workId: string;
  let ids: string[];
  let volunteer: { id: string; actor: Actor };
  let editor: { id: string; actor: Actor };

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: WORK, title: 'The Weighing House at Kuvandyk', filename: 'kuvandyk.md' })).workId;
    await getDb().workLanguage.create({ data: { workId, language: 'ru' } });
    const rows = await getDb().segment.findMany({ where: { workId, kind: 'SENTENCE', retiredAt: null }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    ids = rows.map((row) => row.id);
    expect(ids).toHaveLength(5);
    volunteer = await buildUser({ name: 'Kuvandyk Volunteer' });
    const editorUser = await buildUser({ name: 'Kuvandyk Editor' });
    editor = { id: editorUser.id, actor: await grantRole(editorUser.id, collectionId, 'EDITOR') };
    await updateCheckSettings({ actor: editor.actor, input: { collectionId, settings: [{ check: 'numbers', isEnabled: true, isBlocking: true }, { check: 'footnotes', isEnabled: true, isBlocking: true }] } });
  });

  const id = (index: number): string => ids[index] as string;

  it('fills only the repetitions a text passes the blocking checks for, and says how many it held back', async () => {
    const fill = (text: string) => fillRepetitions({ actor: volunteer.actor, input: { workId, segment: id(0), lang: 'ru', text, segmentIds: [id(2), id(4)] } });
    // The second occurrence has a footnote reference the copy lacks: held back; the third is filled.
    expect(await fill('Подводы выехали со двора в Кувандыке в 5 утра.')).toEqual({ filled: 1, works: 1, taken: 0, declined: 0, blocked: 1, unavailable: 0 });
    const waiting = await getDb().suggestion.findMany({ where: { segmentId: { in: [id(2), id(4)] }, language: 'ru', status: 'PENDING' }, select: { segmentId: true } });
    expect(waiting.map((row) => row.segmentId)).toEqual([id(4)]);
    // Once an editor dismisses that finding, the same text fills it too.
    await dismissFinding({ actor: editor.actor, input: { segmentId: id(2), language: 'ru', check: 'footnotes', key: 'missing:1', reason: 'The note is carried at the end of the chapter.' } });
    expect(await fill('Подводы выехали со двора в Кувандыке в 5 утра.')).toMatchObject({ filled: 1, taken: 1, blocked: 0 });
  });

  it('holds a text the reviewer changed while approving to the blocking checks', async () => {
    const suggestion = await createSuggestion({ actor: volunteer.actor, input: { segmentId: id(1), language: 'ru', text: 'Возчики Кувандыка пели.', baseRevisionId: null } });
    const refused = await approveSuggestion({ actor: editor.actor, input: { suggestionId: suggestion.suggestionId, text: 'Возчики Кувандыка пели 2 часа.' } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('INVALID_INPUT');
    expect((refused as AppError).message).toBe('Fix this finding of the quality checks first, or ask an editor to dismiss it: Numbers and dates: “2” of the translation is not in the original.');
    expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestion.suggestionId }, select: { status: true } })).status).toBe('PENDING');
    // Changed within the rules, it is published.
    expect(await approveSuggestion({ actor: editor.actor, input: { suggestionId: suggestion.suggestionId, text: 'Возчики Кувандыка запели.' } })).toMatchObject({ status: 'PUBLISHED' });
  });

  it('finds the names of drafts being typed, in the order asked, for whoever may edit the work', async () => {
    const nameId = (await createName({ actor: SYSTEM_ACTOR, input: createNameSchema.parse({ collectionId, kind: 'PERSON', text: 'Zinoviev', language: 'en' }) })).id;
    await addNameForm({ actor: SYSTEM_ACTOR, input: { nameId, text: 'Зиновьев', language: 'ru', isPreferred: true } });
    await addNameForm({ actor: SYSTEM_ACTOR, input: { nameId, text: 'Зиновиев', language: 'ru', isPreferred: false } });
    const texts = ['Зиновиев пересчитал лошадей Кувандыка.', 'Лошадей Кувандыка пересчитал Зиновьев.', 'Лошадей пересчитали.'];
    const names = await findDraftNames({ actor: volunteer.actor, input: { workId, lang: 'ru', texts } });
    expect(names.map((context) => context.targetText)).toEqual(texts);
    expect(names.map((context) => context.mentions.map((mention) => [mention.found, mention.preferred, mention.isPreferred]))).toEqual([[['Зиновиев', 'Зиновьев', false]], [['Зиновьев', 'Зиновьев', true]], []]);
    expect(names[0]?.mentions[0]).toMatchObject({ nameId, start: 0, end: 'Зиновиев'.length });

    expect(await errorCodeOf(findDraftNames({ actor: ANONYMOUS, input: { workId, lang: 'ru', texts } }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(findDraftNames({ actor: volunteer.actor, input: { workId, lang: 'en', texts } }))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(findDraftNames({ actor: volunteer.actor, input: { workId, lang: 'de', texts } }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(findDraftNames({ actor: volunteer.actor, input: { workId, lang: 'ru', texts: Array.from({ length: MAX_DRAFT_NAME_TEXTS + 1 }, () => 'Текст.') } }))).toBe('INVALID_INPUT');

    // Through the route.
    const post = (body: unknown, cookie?: string) => callRoute(draftNamesRoute, `/api/works/${workId}/checks/names`, { params: { workId }, cookie, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });
    expect((await post({ lang: 'ru', texts })).status).toBe(401);
    const response = await post({ lang: 'ru', texts: [texts[0]] }, await sessionCookie(volunteer.id));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { names: { mentions: { found: string }[] }[] };
    expect(body.names.map((context) => context.mentions.map((mention) => mention.found))).toEqual([['Зиновиев']]);
  });
});
