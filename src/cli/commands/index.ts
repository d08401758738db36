import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerFetch } from './fetch.js';
import { registerBuild } from './build.js';
import { registerTrace } from './trace.js';
import { registerValidate } from './validate.js';
import { registerGenerate } from './generate.js';
import { registerStart } from './start.js';
import { registerDiff } from './diff.js';
import { registerMcp } from './mcp.js';
import { registerModels } from './models.js';
import { registerEstimate } from './estimate.js';
import { registerPush } from './push.js';
import { registerPull } from './pull.js';
import { registerDocs } from './docs.js';
import { registerScan } from './scan.js';
import { registerDoctor } from './doctor.js';
import { registerUsage } from './usage.js';

export type SetExit = (code: number) => void;

export function registerCommands(program: Command, ctx: CliContext, setExit: SetExit): void {
  registerFetch(program, ctx, setExit);
  registerBuild(program, ctx, setExit);
  registerTrace(program, ctx, setExit);
  registerValidate(program, ctx, setExit);
  registerGenerate(program, ctx, setExit);
  registerStart(program, ctx, setExit);
  registerDiff(program, ctx, setExit);
  registerMcp(program, ctx, setExit);
  registerModels(program, ctx, setExit);
  registerEstimate(program, ctx, setExit);
  registerPush(program, ctx, setExit);
  registerPull(program, ctx, setExit);
  registerDocs(program, ctx, setExit);
  registerScan(program, ctx, setExit);
  registerDoctor(program, ctx, setExit);
  registerUsage(program, ctx, setExit);
}
