/**
 * zod probes whether it may compile validators with `new Function`; this page's content
 * security policy forbids eval, and the probe alone counts as a violation. Imported first.
 */
import { z } from 'zod';

z.config({ jitless: true });
