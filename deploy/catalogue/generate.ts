import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, renderCatalogue, withCatalogue } from './catalogue';
import { renderFlow } from './flow';

/** `npm run catalogue`: rewrites the event catalogue in libs/contracts/README.md and the flow page FLOW.md from the code. */
// Reading the services' module graphs builds their modules, which would log as if starting.
Logger.overrideLogger(false);
const readme = join(__dirname, '../../libs/contracts/README.md');
writeFileSync(readme, withCatalogue(readFileSync(readme, 'utf8'), renderCatalogue(buildCatalogue())));
console.log(`catalogue written to ${readme}`);
const flow = join(__dirname, '../../libs/contracts/FLOW.md');
writeFileSync(flow, renderFlow());
console.log(`flow page written to ${flow}`);
