import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { PUBLIC_API_RATE_LIMIT } from '@/lib/config/limits';
import type { Messages } from '@/lib/i18n/load-messages';
import { API_ENDPOINTS, parametersOf } from '@/lib/public-api/openapi-document';

/** The endpoints described in the catalogues, by operation id. */
type EndpointId = keyof Messages['apiDocs']['endpoints'];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiDocs');
  return { title: t('title'), description: t('description') };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

/** The API only reads: every endpoint answers GET. */
const METHOD = 'GET';

/**
 * The readable reference of the public read API, from the same table as its OpenAPI document; its
 * summaries and descriptions in the interface's language (the English ones are those of the table).
 */
export default async function ApiReferencePage() {
  const t = await getTranslations('apiDocs');
  const endpointText = (id: string, key: string, fallback: string): string => {
    const path = `endpoints.${id}.${key}` as `endpoints.${EndpointId}.summary`;
    return t.has(path) ? t(path) : fallback;
  };
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 text-lg text-muted">{t('intro')}</p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>{t('json')}</li>
        <li>{t.rich('paging', { code })}</li>
        <li>{t.rich('etag', { code })}</li>
        <li>{t.rich('rateLimit', { points: PUBLIC_API_RATE_LIMIT.points, code })}</li>
        <li>{t.rich('errors', { shape: '{ "error": { "code", "message" } }', code })}</li>
        <li>
          {t.rich('openApi', {
            link: (chunks) => (
              <a className="underline" href="/api/v1/openapi.json">
                {chunks}
              </a>
            ),
          })}
        </li>
      </ul>
      {API_ENDPOINTS.map((endpoint) => {
        const parameters = parametersOf(endpoint);
        const summary = endpointText(endpoint.operationId, 'summary', endpoint.summary);
        return (
          <section key={endpoint.operationId} aria-labelledby={endpoint.operationId} className="mt-10">
            <h2 id={endpoint.operationId} className="font-serif text-xl font-semibold">
              {summary}
            </h2>
            <p className="mt-2 font-mono text-sm">
              <span className="font-semibold">{METHOD}</span> {endpoint.path}
            </p>
            <p className="mt-2">{endpointText(endpoint.operationId, 'description', endpoint.description)}</p>
            {parameters.length > 0 && (
              <table className="mt-3 w-full text-left text-sm">
                <caption className="sr-only">{t('parametersOf', { endpoint: summary })}</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pr-3">{t('parameter')}</th>
                    <th scope="col" className="py-1 pr-3">{t('in')}</th>
                    <th scope="col" className="py-1">{t('meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((parameter) => (
                    <tr key={String(parameter.name)} className="border-b border-line align-top">
                      <td className="py-1 pr-3 font-mono">{parameter.required === true ? String(parameter.name) : t('optionalParameter', { name: String(parameter.name) })}</td>
                      <td className="py-1 pr-3">{String(parameter.in)}</td>
                      <td className="py-1">{typeof parameter.description === 'string' ? endpointText(endpoint.operationId, `parameters.${String(parameter.name)}`, parameter.description) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </article>
  );
}
