/**
 * Global zod settings, imported first by every module that defines schemas.
 * - `jitless`: zod's fast path compiles parsers with `new Function`, which the app's CSP forbids
 *   (no 'unsafe-eval'); even its probe for eval support shows up as a CSP violation.
 * - Vietnamese messages for zod's built-in checks, so a refusal reads as a Vietnamese sentence.
 */
import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';

z.config({ jitless: true, ...vi() });
