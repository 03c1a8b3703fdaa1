// Loaded with `node --import` before the CLIs and the server: `server-only` throws outside
// React Server Components, but our command-line tools are server code too.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
