/**
 * Runs in the browser before the app's own code. Zod compiles object schemas with `new Function`
 * where it may, and probes for that on first use: under the Content-Security-Policy (no eval) the
 * probe is reported as a violation. Parsing without compiling gives the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });
