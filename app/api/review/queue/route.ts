import { withFindingTexts } from '@/lib/checks/with-finding-texts';
import { defineRoute } from '@/lib/http/route';
import { localeOfRequest } from '@/lib/i18n/locale-of-request';
import { getReviewQueue, queueFilter } from '@/lib/review/review-queue';

/**
 * One page of the review queue (oldest first), with word diffs; `next` is the cursor of the
 * following page. Each finding of the quality checks has its message as a catalogue key and
 * values (`message`) and as text in the asker's interface language (`text`).
 */
export const GET = defineRoute({
  permission: 'suggestion.review',
  input: queueFilter,
  handler: async ({ actor, input, request }) => {
    const page = await getReviewQueue({ actor, filter: input });
    const locale = localeOfRequest(request.headers, actor);
    const items = page.items.map((item) => ({ ...item, findings: withFindingTexts(item.findings, locale) }));
    return Response.json({ ...page, items }, { headers: { 'cache-control': 'no-store' } });
  },
});
