/** Every size and count limit of Interlinear, defined once; routes, CLIs and UI hints import these. */

/** Largest file accepted by an import (bytes). A whole collected-works volume is under 2 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Caps on a ZIP archive (a Word document) before any reader unzips it: most entries, most bytes
 * all entries may inflate to together, and how many times its compressed size one entry may
 * inflate to (entries that inflate to less than {@link ZIP_RATIO_EXEMPT_BYTES} are not held to
 * the ratio: they cannot be bombs). Real documents inflate 3–20×; a zip bomb 1,000×.
 */
export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_ZIP_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRY_RATIO = 200;
export const ZIP_RATIO_EXEMPT_BYTES = 256 * 1024;

/**
 * Longest HTML the web-page and Word readers parse (characters): a web page at the upload limit,
 * and the HTML a Word document becomes, fit well under it.
 */
export const MAX_HTML_CHARS = 16 * 1024 * 1024;

/** Deepest nesting of open HTML elements the readers accept (browsers stop nesting at 512 too). */
export const MAX_HTML_DEPTH = 512;

/**
 * Reading and preparing an upload (unzip, parse, cleanup, segmentation) runs in worker threads
 * off the server's event loop: at most this many at once, this many more waiting (beyond that an
 * import is refused as busy), each stopped after this long or when its heap outgrows this. A 10 MB
 * plain text takes about 30 s and 600 MB on a loaded 2-core machine; the 700 KB volume 1–7 s.
 */
export const MAX_PARSE_WORKERS = 2;
export const MAX_PARSE_QUEUE = 4;
export const PARSE_TIME_LIMIT_MS = 60_000;
export const PARSE_HEAP_LIMIT_MB = 1_024;

/**
 * Checking a work's words for suspected OCR errors runs in one worker thread per process, which
 * keeps the dictionaries it built (Russian: 4 s and 300 MB) until it has been idle this long; at
 * most this many checks wait for it (one more is refused as busy), each stopped after this long
 * (the 700 KB volume takes under a second once its dictionary is built). The heap holds the Russian
 * dictionary and a volume's texts with room to spare.
 */
export const MAX_PROOFREAD_QUEUE = 8;
export const PROOFREAD_TIME_LIMIT_MS = 60_000;
export const PROOFREAD_IDLE_MS = 10 * 60_000;
export const PROOFREAD_HEAP_LIMIT_MB = 1_024;

/**
 * Bounds of the proofreading lists: suspects per page of a work's list, segments named per
 * suspect in it, works whose findings each process keeps (recomputed when a text changes), and
 * segments one click on a correction suggests it for.
 */
export const MAX_PROOFREAD_PAGE = 100;
export const MAX_PROOFREAD_PLACES_SHOWN = 20;
export const PROOFREAD_CACHED_WORKS = 8;
export const MAX_PROOFREAD_FIX_SEGMENTS = 100;

/**
 * Repetitions of a source sentence (lib/memory/find-repetitions.ts): occurrences listed for one
 * segment (all are counted), and filled as suggestions by one request (lib/review/fill-repetitions.ts).
 * A list longer than this is filled in several goes.
 */
export const MAX_REPETITIONS_PER_FILL = 200;

/** Longest text one segment may hold (characters). */
export const MAX_SEGMENT_CHARS = 20_000;

/**
 * Most tokens removed plus added that the word diff (lib/diff/word-diff.ts) searches for, once
 * the common ends are cut off. Myers' algorithm costs about the square of the changed tokens,
 * whatever the texts' length: at this bound about as long as the 4-million-cell table of the
 * longest common subsequence it replaced took at its own (docs/benchmarks.md, `npm run
 * bench:diff`), twice what the busiest 3,000-character excerpt of an OCR'd volume changes in the
 * import preview, and far above what a correction of a segment changes. Texts further apart are
 * shown as one deletion and one insertion instead of freezing the page; at that distance a word
 * diff would be unreadable anyway.
 */
export const MAX_DIFF_EDITS = 500;

/** Most segments one import may create. */
export const MAX_SEGMENTS_PER_IMPORT = 200_000;

/** Segments the reader renders per window; the rest of a work loads as the reader scrolls. */
export const READER_WINDOW_SEGMENTS = 200;

/** Entries of an OPDS acquisition feed page, and of the feed of new works and translations. */
export const FEED_PAGE_SIZE = 50;

/**
 * Text-bearing segments per collaboration document: a work is co-edited as one Yjs document per
 * chunk, attached as the editor scrolls over it (lib/collab).
 */
export const SEGMENTS_PER_CHUNK = 100;

/** Largest WebSocket message the collaboration server accepts (bytes); a larger one closes the connection. */
export const MAX_COLLAB_MESSAGE_BYTES = 1024 * 1024;

/**
 * Most pieces (structs and deleted ranges) of one collaboration update checked without a copy of
 * the document; a larger update is applied to a copy and checked there. Each run of typing is one
 * piece, so even a long offline session sends a few thousand; a 1 MB message holds at most a few
 * hundred thousand.
 */
export const MAX_COLLAB_UPDATE_PIECES = 50_000;

/**
 * Largest translation memory file (TMX) an import accepts (bytes). TMX spends some 400 bytes of
 * markup on each unit besides its two sentences: 100,000 units of a book's length come to about
 * 40 MB. Only this route may send a body this large (see {@link maxBodyBytesForPath}).
 */
export const MAX_TMX_BYTES = 64 * 1024 * 1024;

/**
 * Translation-memory imports in hand at once: one per account, two in all per app process. Each
 * holds its file in memory (up to {@link MAX_TMX_BYTES}) and keeps database connections busy
 * computing keys; more are refused before their body is read (429 for a second one of the same
 * account, 503 past the total), with a minute to wait.
 */
export const MEMORY_IMPORT_CONCURRENCY = { perActor: 1, total: 2, doing: 'memoryImport', retryAfterSeconds: 60 } as const;

/**
 * Downloads in hand at once (docs/export.md): two per reader (an account, or an address for
 * anonymous readers) and four in all per app process. A whole volume's EPUB keeps database
 * connections and a core busy for seconds while it streams; more are refused before any work
 * (429 for a reader's third, 503 past the total), with half a minute to wait. The slot is held
 * until the file has been sent or the reader goes away.
 */
export const DOWNLOAD_CONCURRENCY = { perActor: 2, total: 4, doing: 'download', retryAfterSeconds: 30, isHeldWhileStreaming: true } as const;

/**
 * Deepest nesting of elements the TMX reader accepts: a real file nests five or six deep (tmx,
 * body, tu, tuv, seg, inline codes); a hostile one nested a million deep is refused at this depth.
 */
export const MAX_TMX_DEPTH = 32;

/**
 * Most language variants (`<tuv>`) one TMX unit may have: a multilingual memory has a few dozen
 * languages; a unit of a million tiny variants (held until the unit closes) is refused.
 */
export const MAX_TMX_VARIANTS_PER_UNIT = 200;

/** Longest glossary term or translation of one (characters): a term is a word or a name, not a sentence. */
/** Deepest nesting of elements an XLIFF file may have (a real one nests seven or eight deep). */
export const MAX_XLIFF_DEPTH = 32;

/** Most units one XLIFF file may hold (a long work has a few thousand segments). */
export const MAX_XLIFF_UNITS = 50_000;

/** Largest XLIFF file imported (bytes): a work of several thousand segments with its notes. */
export const MAX_XLIFF_BYTES = MAX_UPLOAD_BYTES;

/** Most suggestions one XLIFF import makes; the rest are made by importing the file again. */
export const MAX_XLIFF_SUGGESTIONS = 1000;

/** XLIFF imports at once: one per account, two in all (each makes up to a thousand suggestions). */
export const XLIFF_IMPORT_CONCURRENCY = { perActor: 1, total: 2, doing: 'xliffImport', retryAfterSeconds: 30 } as const;

export const MAX_GLOSSARY_TERM_CHARS = 200;

/** Longest definition or note of a glossary term (characters). */
export const MAX_GLOSSARY_NOTE_CHARS = 2000;

/** Longest usage example of a glossary term (characters). */
export const MAX_GLOSSARY_EXAMPLE_CHARS = 1000;

/** Most translations one glossary term may have. */
export const MAX_GLOSSARY_TRANSLATIONS = 20;

/**
 * Largest glossary file (TBX or CSV) an import accepts (bytes): TBX spends some 500 bytes of
 * markup on a term, so 10 MB hold about 20,000 terms. The same bound as any upload, so the
 * request needs no larger body than other routes.
 */
export const MAX_GLOSSARY_FILE_BYTES = MAX_UPLOAD_BYTES;

/** Most terms one glossary import reads: past it the file is refused (split it). */
export const MAX_GLOSSARY_IMPORT_TERMS = 50_000;

/** Deepest nesting of elements the TBX reader accepts: a TBX-Basic file nests seven or eight deep. */
export const MAX_TBX_DEPTH = 32;

/** Most texts one glossary lookup takes at once (the editor asks for a few chunks of 100 rows). */
/** Glossary proposals (terms and translations) one author may have waiting in a collection at once. */
/** Glossary imports in hand at once: one per account, two in all per app process (each holds its file and its parsed entries). */
export const GLOSSARY_IMPORT_CONCURRENCY = { perActor: 1, total: 2, doing: 'glossaryImport', retryAfterSeconds: 30 } as const;
export const MAX_WAITING_GLOSSARY_PROPOSALS_PER_AUTHOR = 50;
export const MAX_GLOSSARY_LOOKUP_TEXTS = 1000;

/** Longest title or metadata field (characters). */
export const MAX_TITLE_CHARS = 300;

/** Password length bounds for sign-up. */
export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 200;

/** Length bounds of a comment in a segment's discussion (characters, after trimming). */
export const MIN_COMMENT_CHARS = 1;
export const MAX_COMMENT_CHARS = 5_000;

/** Most threads one segment's discussion lists at once (unresolved ones first). */
export const MAX_THREADS_PER_SEGMENT = 100;

/**
 * Most changes turned down (with their reasons) that the notification of a partial approval lists;
 * the author's suggestions page lists them all.
 */
export const MAX_NOTIFIED_TURNED_DOWN = 10;

/** Longest message of a reader's error report (characters). */
export const MAX_REPORT_MESSAGE_CHARS = 2_000;

/** Longest note an editor leaves when resolving or dismissing a report (characters). */
export const MAX_REPORT_NOTE_CHARS = 2_000;

/**
 * How many error reports one reporter (an anonymous reader's address, or an account) may send:
 * each window counts the reports of the last `windowSeconds`.
 */
export const REPORT_RATE_LIMITS = [
  { windowSeconds: 10 * 60, max: 5 },
  { windowSeconds: 24 * 60 * 60, max: 30 },
] as const;

/**
 * A report form sent sooner than this after it was shown is taken for a robot's (people need
 * longer to read a passage and write what is wrong with it) and silently dropped.
 */
export const REPORT_MIN_FILL_MS = 3_000;

/** A report form older than this is refused with a request to open it again. */
export const REPORT_FORM_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * Largest request body a route accepts unless it declares its own limit (bytes): a suggestion of a
 * segment of the longest length, in JSON, with room to spare. Counted while the body streams in,
 * so a body without Content-Length (chunked) is cut off at the limit too.
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Room for the form fields and multipart boundaries around an uploaded file of the maximum size. */
export const UPLOAD_FORM_OVERHEAD_BYTES = 256 * 1024;

/**
 * Largest body the app server lets through to any handler it does not know better (bytes): the
 * upload routes' limit. Every route's own, smaller limit is checked again in `defineRoute`; this
 * bound also covers next-auth's handler and server actions (which Next limits itself to 1 MB).
 */
export const MAX_ANY_BODY_BYTES = MAX_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD_BYTES;

/** The translation memory import (`POST /api/collections/[collectionId]/memory`), the one route with a larger body. */
const MEMORY_IMPORT_PATH = /^\/api\/collections\/[0-9a-fA-F-]{36}\/memory\/?(?:\?|$)/;

/**
 * The body bound the app server sets for a request to `path` (its URL path and query, as sent):
 * {@link MAX_ANY_BODY_BYTES}, except for the memory import, which takes a TMX file up to
 * {@link MAX_TMX_BYTES}. A path that does not match gets the smaller bound, never the larger, and
 * the route checks its own limit again.
 */
export function maxBodyBytesForPath(path: string): number {
  return MEMORY_IMPORT_PATH.test(path) ? MAX_TMX_BYTES + UPLOAD_FORM_OVERHEAD_BYTES : MAX_ANY_BODY_BYTES;
}

/**
 * How long the database may take before a request gives up (ms), so that a slow, locked or
 * unreachable database answers 503 instead of holding requests forever:
 * - `statementMs`: the server cancels a statement that runs longer (statement_timeout);
 * - `lockMs`: a statement waiting longer for a row lock fails (lock_timeout);
 * - `idleInTransactionMs`: a transaction left open without a statement is ended;
 * - `connectMs`: opening a connection, or waiting for a free one in the pool;
 * - `queryMs`: the client stops waiting for an answer (a paused or unreachable server cannot
 *   cancel anything itself), a little longer than `statementMs`.
 */
export const DATABASE_TIMEOUTS = { statementMs: 15_000, lockMs: 5_000, idleInTransactionMs: 60_000, connectMs: 5_000, queryMs: 17_000 } as const;

/**
 * Characters of a password the strength estimate reads: the estimate's cost grows steeply with
 * length (a second of CPU for some 200-character inputs), and a longer password is strong anyway.
 */
export const PASSWORD_STRENGTH_CHECKED_CHARS = 64;

/** Lowest strength estimate (zxcvbn score, 0–4) a new password must reach. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Failed sign-ins allowed before a back-off, each counted in a window of `windowSeconds`:
 * on one account from one address (reset by a successful sign-in there), on one account from
 * all addresses (an attack spread over many addresses; addresses the account signed in from
 * recently are exempt, so such an attack cannot lock its owner out), and from one address over
 * all accounts (one password tried on many accounts).
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { failures: 5, windowSeconds: 15 * 60 },
  perAccount: { failures: 20, windowSeconds: 60 * 60 },
  perAddress: { failures: 30, windowSeconds: 60 * 60 },
} as const;

/**
 * Back-off once a sign-in limit is reached: the first wait, doubled for every further time the
 * same limit is reached within `memorySeconds`, never longer than `maxSeconds`.
 */
export const SIGN_IN_BACK_OFF = { firstSeconds: 60, maxSeconds: 24 * 60 * 60, memorySeconds: 24 * 60 * 60 } as const;

/** How long a successful sign-in exempts its address from the per-account limit of that account. */
export const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

/** Sign-up attempts allowed from one address, each counted in a window of `windowSeconds`. */
export const SIGN_UP_LIMITS = [
  { windowSeconds: 10 * 60, max: 3 },
  { windowSeconds: 24 * 60 * 60, max: 10 },
] as const;

/** A session ends after this long without a request that renews it (the session cookie's max age). */
export const SESSION_IDLE_SECONDS = 3 * 24 * 60 * 60;

/** A session ends this long after signing in, however active: then one signs in again. */
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60;

/** How long the administrator set-up link printed at start stays valid. */
export const SETUP_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/**
 * Most cells the aligner's band may hold before it stops widening (about 120 bytes each, in
 * typed arrays outside the worker's heap limit): a 10,000-sentence book needs about 1.1 million;
 * a pair of unrelated texts would otherwise widen towards the whole n × m table. Past it the
 * best path in the band is kept, and its low scores flag the rows for checking.
 */
export const MAX_ALIGN_BAND_CELLS = 4_000_000;

/**
 * Most sentences a side of one alignment may have (the work's text-bearing segments, and the
 * translation's sentences). The aligner's first band grows as n·√n: a 10,000-sentence book takes
 * about 5 s of CPU and 0.5 GB, 32,000 sentences in one paragraph about 21 s and 0.9 GB, 53,000
 * about 45 s and 1.6 GB (near the parse worker's time limit on a busy machine). A 400-page volume
 * has about 15,000; a longer text is aligned work by work.
 */
export const MAX_ALIGNED_SENTENCES = 30_000;

/**
 * Bounds of the alignment editor's suggested split (`lib/align/suggest-split.ts`), which runs in
 * the browser for every group shown and costs rows × candidates²: past 12 rows or 200 candidate
 * points (sentence ends, or word gaps) a group gets no suggestion. At the bounds it takes about
 * 20–30 ms; the usual group of two to four rows, well under one.
 */
export const MAX_SPLIT_SUGGESTION_ROWS = 12;
export const MAX_SPLIT_SUGGESTION_CANDIDATES = 200;

/**
 * Most live segments one structural edit may concern (lib/structure): the paragraphs it cuts or
 * joins with all their sentences. A paragraph of OCR'd prose holds a few dozen; beyond this the
 * change is refused rather than planned over a whole chapter.
 */
export const MAX_STRUCTURE_ROWS = 2_000;

/**
 * Structural edits one person may have waiting for review (pending, or approved once) in one
 * work: each is planned again for every page of the review queue showing it, so a flood of them
 * is refused (409) until some are decided.
 */
export const MAX_WAITING_STRUCTURE_PER_AUTHOR = 20;

/** Structural edits one page of the review queue plans (a page holding more ends early, its cursor after the last one shown). */
export const MAX_STRUCTURE_PREVIEWS_PER_PAGE = 20;

/** Live segments of context on each side of a sentence split or merge in its snapshot and preview (the paragraph beyond them is not read). */
export const STRUCTURE_CONTEXT_ROWS = 2;

/**
 * Requests one client address may make to the public read API (`/api/v1`) per window: enough for
 * an application paging through a volume, not for scraping the library as fast as it answers.
 */
export const PUBLIC_API_RATE_LIMIT = { points: 300, windowSeconds: 60 } as const;

/** Items per page of the public API's lists (collections, volumes, works): the default and the most. */
export const PUBLIC_API_PAGE = { default: 50, max: 100 } as const;

/**
 * Searches one client address may run a minute on `/search` and the concordance together (page,
 * API and the editor's lookups): a search ranks every matching text of the library, so a word
 * common to all of it costs more than a page view.
 */
export const SEARCH_RATE_LIMIT = { points: 60, windowSeconds: 60 } as const;

/** Longest web address kept as a work's source link (`work.source_url`; longer ones are dropped, not cut). */
export const MAX_SOURCE_URL = 2048;

/**
 * Machine translation (docs/machine-translation.md). Requests to the service one account may
 * cause per window (answers kept from earlier requests cost nothing and are not counted): a
 * translator working through a chapter asks for a few a minute; the service's quota is the
 * site's, shared by everyone.
 */
export const MACHINE_TRANSLATION_RATE_LIMIT = { points: 60, windowSeconds: 600 } as const;
/** Longest source text sent to a machine translation service (characters; a sentence is far shorter). */
export const MAX_MACHINE_TRANSLATION_CHARS = 5_000;
/** Most texts in one request to a service (DeepL takes at most 50). */
export const MAX_MACHINE_TRANSLATION_TEXTS = 50;
/** How long a service may take to answer before the request is given up (ms). */
export const MACHINE_TRANSLATION_TIMEOUT_MS = 15_000;
/** Largest answer read from a service (bytes): a translation of the longest text sent fits many times over. */
export const MAX_MACHINE_TRANSLATION_RESPONSE_BYTES = 512 * 1024;
/** How long the list of languages a service translates is kept before it is asked again (ms). */
export const MACHINE_TRANSLATION_LANGUAGES_TTL_MS = 6 * 60 * 60_000;

/**
 * The name authority (docs/names.md). Longest written form of a name (characters) and longest
 * note; most forms one name may have (its transliterations included).
 */
export const MAX_NAME_FORM_CHARS = 200;
export const MAX_NAME_NOTE_CHARS = 2_000;
export const MAX_NAME_FORMS = 60;
/** Most texts `findNameMentions` reads in one call, and the longest of them (characters). */
export const MAX_NAME_MENTION_TEXTS = 1_000;
export const MAX_NAME_MENTION_TEXT_CHARS = 20_000;
/** Texts scanned for names per transaction. */
export const NAME_SCAN_BATCH = 500;
/**
 * Texts a view of a name index or a name's page scans at most before reading (one transaction):
 * a reader's view costs a bounded few tens of milliseconds, anonymous readers' too; a backlog (an
 * import, the migration's first scan) is the app server's sweep's work.
 */
export const MAX_NAME_SCANS_PER_READ = 200;
/** How often the app server looks for texts waiting to be scanned for names, and how many it scans per collection each time. */
export const NAME_SCAN_SWEEP = { intervalMs: 10_000, textsPerCollection: 2_000, collections: 20 } as const;
/** Names per page of a collection's index, and mentions per page of a name. */
export const NAME_INDEX_PAGE_SIZE = 50;
export const NAME_MENTIONS_PAGE_SIZE = 25;
/** Most names one seeding of a work proposes (the most frequent first). */
export const MAX_NAME_PROPOSALS = 200;

/** How long a collection invitation link may work, in days: the choices of the invitation form. */
export const INVITATION_EXPIRY_DAYS = [1, 7, 30] as const;

/** Most uses an invitation link may be given (none: no limit, until it expires or is revoked). */
export const MAX_INVITATION_USES = 1_000;

/** Most invitation links of one collection that work at once (not expired, revoked or used up). */
export const MAX_OPEN_INVITATIONS_PER_COLLECTION = 50;

/** Invitation links opened or accepted from one address, like sign-ups: every window must have room. */
export const INVITATION_LIMITS = [
  { windowSeconds: 10 * 60, max: 30 },
  { windowSeconds: 24 * 60 * 60, max: 200 },
] as const;
