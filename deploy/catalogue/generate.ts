import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, renderCatalogue, withCatalogue } from './catalogue';

/** `npm run catalogue`: rewrites the event catalogue in libs/contracts/README.md from the code. */
// Reading the services' module graphs builds their modules, which would log as if starting.
Logger.overrideLogger(false);
const readme = join(__dirname, '../../libs/contracts/README.md');
writeFileSync(readme, withCatalogue(readFileSync(readme, 'utf8'), renderCatalogue(buildCatalogue())));
console.log(`catalogue written to ${readme}`);
