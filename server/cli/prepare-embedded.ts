import { existsSync } from 'node:fs';
import { makePgliteTemplate, pgliteTemplateFile } from '@server/core/pglite-template.js';

/*
 * `npm install`'s postinstall: the empty embedded cluster a first `npm start` starts from
 * (server/core/pglite-template.ts). Never fails the install: without it, the first start
 * runs initdb itself and takes a few seconds longer.
 */
try {
  if (!existsSync(pgliteTemplateFile())) {
    const started = Date.now();
    const file = await makePgliteTemplate();
    console.log(
      `embedded database: empty cluster prepared in ${((Date.now() - started) / 1000).toFixed(1)} s (${file})`,
    );
  }
} catch (error) {
  console.warn(`embedded database: no empty cluster prepared (the first start will create one): ${String(error)}`);
}
