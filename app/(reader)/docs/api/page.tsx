import type { Metadata } from 'next';

import { PUBLIC_API_RATE_LIMIT } from '@/lib/config/limits';
import { API_ENDPOINTS, parametersOf } from '@/lib/public-api/openapi-document';

export const metadata: Metadata = { title: 'Public API', description: 'Read the library from your own programs: collections, volumes, works and their segments in every language.' };

/** The readable reference of the public read API, from the same table as its OpenAPI document. */
export default function ApiReferencePage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">Public API</h1>
      <p className="mt-4 text-lg text-muted">
        Read the library from your own programs: collections, volumes, works with their languages and progress, and every segment with its published texts.
      </p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>JSON over HTTPS, no key needed. Answers are the same for everyone and can be read from any site (CORS).</li>
        <li>
          Lists come a page at a time: pass the <code>nextCursor</code> of a page as <code>cursor</code> to get the next; it is <code>null</code> on the last page.
        </li>
        <li>
          Every answer has an <code>ETag</code>: send it back in <code>If-None-Match</code> and get <code>304 Not Modified</code> while nothing changed.
        </li>
        <li>
          One address may make {PUBLIC_API_RATE_LIMIT.points} requests a minute; the <code>RateLimit-Remaining</code> header says how many are left, and a <code>429</code> answer says in{' '}
          <code>Retry-After</code> when to try again.
        </li>
        <li>
          Errors are <code>{'{ "error": { "code", "message" } }'}</code> with the HTTP status: 404, 422 (a parameter is wrong, the message says which), 429, 503.
        </li>
        <li>
          The machine-readable description is the <a className="underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </li>
      </ul>
      {API_ENDPOINTS.map((endpoint) => {
        const parameters = parametersOf(endpoint);
        return (
          <section key={endpoint.operationId} aria-labelledby={endpoint.operationId} className="mt-10">
            <h2 id={endpoint.operationId} className="font-serif text-xl font-semibold">
              {endpoint.summary}
            </h2>
            <p className="mt-2 font-mono text-sm">
              <span className="font-semibold">GET</span> {endpoint.path}
            </p>
            <p className="mt-2">{endpoint.description}</p>
            {parameters.length > 0 && (
              <table className="mt-3 w-full text-left text-sm">
                <caption className="sr-only">Parameters of {endpoint.summary}</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pr-3">Parameter</th>
                    <th scope="col" className="py-1 pr-3">In</th>
                    <th scope="col" className="py-1">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((parameter) => (
                    <tr key={String(parameter.name)} className="border-b border-line align-top">
                      <td className="py-1 pr-3 font-mono">
                        {String(parameter.name)}
                        {parameter.required === true ? '' : ' (optional)'}
                      </td>
                      <td className="py-1 pr-3">{String(parameter.in)}</td>
                      <td className="py-1">{typeof parameter.description === 'string' ? parameter.description : ''}</td>
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
