/**
 * Which domain folder of lib/ may import which: the layers of docs/architecture.md as a table.
 * eslint.config.mjs turns it into `boundaries/dependencies` policies, so an import across
 * domains that the table does not list fails lint; test/unit/architecture/lib-domains.test.ts
 * checks that the table names every folder of lib/ and has no cycle.
 *
 * Imports point downwards only. A domain that needs something of a domain above it means that
 * something lives in the wrong place: move it down to the domain that owns it (a shared type, a
 * loader, a pure helper) rather than adding the edge back.
 *
 * The domains are listed from the bottom up; each entry names the domains its files may import
 * (its own files may always import each other).
 */
export const LIB_DOMAINS = {
  // Foundations: no domain of their own to lean on.
  config: [],
  errors: [],
  diff: ['config'],
  db: ['config'],
  // Worker threads for slow jobs (reading uploads, checking words), off the event loop.
  worker: ['errors'],

  // Who is asking and what they may do.
  auth: ['config', 'db', 'errors'],
  // The interface's languages: which one a request gets (account, cookie, Accept-Language) and
  // their catalogues of messages.
  i18n: ['auth', 'config', 'db', 'errors'],

  // Building blocks the features share.
  audit: ['auth', 'config', 'db', 'errors'],
  revision: ['auth', 'config', 'db', 'diff', 'errors'],
  notify: ['auth', 'config', 'db', 'errors'],
  library: ['audit', 'auth', 'config', 'db', 'errors'],
  segment: ['audit', 'auth', 'config', 'db', 'diff', 'errors', 'revision'],
  cleanup: ['config', 'segment'],
  collab: ['auth', 'config', 'db', 'errors', 'revision', 'segment'],
  http: ['auth', 'config', 'db', 'errors', 'i18n'],

  // Features: one use case per file.
  account: ['audit', 'auth', 'config', 'db', 'errors', 'http'],
  align: ['audit', 'auth', 'config', 'db', 'errors', 'library', 'revision', 'segment'],
  import: ['align', 'audit', 'auth', 'cleanup', 'collab', 'config', 'db', 'errors', 'library', 'revision', 'segment', 'worker'],
  reader: ['auth', 'config', 'db', 'errors', 'library', 'segment'],
  // Downloads for readers: EPUB, HTML, plain text and Markdown of a work or a volume, in one language or two;
  // XLIFF and TMX for translators' tools (the memory's TMX writer, the glossary's recogniser for notes).
  export: ['auth', 'config', 'db', 'errors', 'glossary', 'library', 'memory', 'reader', 'segment'],
  // Feeds of the library: the OPDS catalogue (collections, volumes, works and their downloads) and the Atom feed of what is new.
  feed: ['auth', 'config', 'db', 'errors', 'export', 'reader', 'segment'],
  // The public read API (/api/v1): the reader's read models in a stable, documented shape.
  'public-api': ['auth', 'config', 'db', 'errors', 'library', 'reader'],
  // Library search (full text, per language's stemming).
  search: ['auth', 'config', 'db', 'errors', 'library'],
  // Translation memory: exact and fuzzy matches of published translations and imported memories.
  memory: ['audit', 'auth', 'config', 'db', 'diff', 'errors', 'library', 'search', 'segment'],
  // Glossary: terms per collection and language pair, recognised in texts by their stems (the
  // quality checks, the editor and the glossary page read it; it reads none of them).
  glossary: ['audit', 'auth', 'config', 'db', 'diff', 'errors', 'library', 'memory', 'search', 'segment'],
  // Machine translation (optional): the LibreTranslate and DeepL providers, the segment's machine
  // translation for the editor, and the records that label submitted machine text.
  'machine-translation': ['auth', 'config', 'db', 'errors', 'http', 'library', 'segment'],
  // Quality checks of translations (numbers, footnote markers, typography, glossary, names,
  // length, consistency…): the pure checks, their settings per collection and dismissed findings.
  checks: ['audit', 'auth', 'config', 'db', 'errors', 'glossary', 'i18n', 'library', 'memory', 'names', 'segment'],
  editor: ['auth', 'checks', 'config', 'db', 'errors', 'library', 'machine-translation', 'reader', 'review', 'segment', 'structure'],
  // Structural edits of the source (split, merge, change of kind), applied by review's approvals.
  structure: ['audit', 'auth', 'config', 'db', 'errors', 'revision', 'segment'],
  review: ['audit', 'auth', 'checks', 'collab', 'config', 'db', 'diff', 'errors', 'machine-translation', 'memory', 'notify', 'revision', 'segment', 'structure'],
  discussion: ['audit', 'auth', 'config', 'db', 'errors', 'notify', 'segment'],
  // XLIFF files coming back from translators' tools: their edited targets become suggestions (review's).
  xliff: ['auth', 'config', 'db', 'errors', 'export', 'memory', 'review', 'segment'],
  report: ['audit', 'auth', 'config', 'db', 'errors', 'segment'],
  progress: ['auth', 'config', 'db', 'errors', 'segment'],
  membership: ['audit', 'auth', 'config', 'db', 'errors', 'library'],
  // The name authority of each collection: names, their forms and transliterations, their
  // mentions in texts, the seeding from a work and the name index. Never imports review,
  // editor or proofread: the quality checks will import it, and review and the editor them.
  names: ['audit', 'auth', 'config', 'db', 'errors', 'library'],
  // Suspected OCR errors of a work, and their corrections proposed through review's suggestions.
  proofread: ['auth', 'config', 'db', 'editor', 'errors', 'review', 'segment', 'worker'],

  // What starts the app: demo data and the server's start-up.
  demo: ['auth', 'config', 'db', 'import', 'library', 'segment'],
  server: ['account', 'collab', 'config', 'db', 'demo', 'errors', 'http'],
};

/**
 * The foundation of lib/i18n, below every domain although it lives in that folder: the catalogues
 * of messages, the list of languages and the pure choice of a request's language. Server messages
 * (lib/errors) are words of the catalogues, so the bottom of the graph reads them; the rest of
 * lib/i18n (the request's language through the session, the account's setting) stays where the
 * table puts it. These files import nothing of lib/ but each other.
 */
export const I18N_FOUNDATION_FILES = ['lib/i18n/messages/*.json', 'lib/i18n/locales.ts', 'lib/i18n/load-messages.ts', 'lib/i18n/negotiate-locale.ts', 'lib/i18n/resolve-locale.ts', 'lib/i18n/locale-of-request.ts'];

/**
 * The lib/ domains components may import: code that also runs in the browser. Finer limits
 * (no server-only module, no database) are the `no-restricted-imports` rules of components/.
 */
export const COMPONENT_LIB_DOMAINS = Object.keys(LIB_DOMAINS).filter((domain) => !['db', 'http', 'server', 'demo', 'worker'].includes(domain));
