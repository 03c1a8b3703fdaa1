import type { CheckMessageKey, CheckMessageValue, Finding } from './types';

/**
 * What {@link formatFinding} asks of a translator of the `checks` namespace: next-intl's
 * `useTranslations('checks')` in a component, `getTranslations('checks')` on the server, or
 * `createTranslator({ …, namespace: 'checks' })` outside a request.
 */
export type ChecksTranslator = (key: `messages.${CheckMessageKey}` | 'quoted' | 'listOr' | 'listComma', values?: Record<string, string | number>) => string;

function valueText(t: ChecksTranslator, value: CheckMessageValue): string | number {
  if (typeof value !== 'object') return value;
  const items = value.quoted.map((text) => t('quoted', { text }));
  // "“a” or “b” or “c”", "“a”, “b”": each language says "or" and separates items its own way.
  return items.reduce((first, second) => t(value.join === 'or' ? 'listOr' : 'listComma', { first, second }));
}

/**
 * What a finding says, in one sentence, in the translator's language. Pure: the editor's live
 * findings and the server's lists use it alike.
 */
export function formatFinding(t: ChecksTranslator, { message }: Pick<Finding, 'message'>): string {
  const values = Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [name, valueText(t, value)]));
  return t(`messages.${message.key}`, values);
}
