import { config } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, and even its probe for
 * whether eval is allowed is reported as a violation under the app's CSP (script-src without
 * 'unsafe-eval', src/app/csp.ts). Jitless everywhere: the browser, the Worker, the CLI and tests
 * parse the same way. Imported for its effect by every module that defines schemas.
 */
config({ jitless: true });
