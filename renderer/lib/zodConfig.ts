import { z } from 'zod';

/*
 * zod probes `new Function` for a faster object parser when a schema is built. The renderer's CSP
 * refuses eval and reports every probe as a violation, so turn the probe off. This module must be
 * imported before any module that builds a schema (see ContactForm.tsx).
 */
z.config({ jitless: true });
