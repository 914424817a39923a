import { RuleTester } from '@typescript-eslint/rule-tester';
import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';
import { projectFile, projectTester } from '../helpers/project-fixture.js';

/**
 * Code that only timers and schedulers run (setInterval, node-cron, NestJS @Cron) blocks the
 * process as often when it is idle as when it is busy: `no-blocking-in-async` leaves it to
 * `checkScheduledJobs` (the strict config). A client created per tick is still one per tick.
 */
const ruleTester = new RuleTester();
const FILE_SYSTEM = 'synchronous file system I/O';
const SCHEDULED = [{ checkScheduledJobs: true }] as const;

ruleTester.run('no-blocking-in-async: scheduled work', noBlockingInAsync, {
  valid: [
    {
      filename: 'src/monitor.ts',
      code: `import { statSync } from 'fs';
setInterval(() => { report(statSync('/var/log/app.log').size); }, 1000);`,
      name: 'a setInterval callback',
    },
    {
      filename: 'src/jobs/cleanup.ts',
      code: `import cron from 'node-cron';
import { readdirSync, rmSync } from 'node:fs';
cron.schedule('0 * * * *', () => {
  for (const file of readdirSync('/tmp/uploads')) rmSync(\`/tmp/uploads/\${file}\`);
});`,
      name: 'a node-cron job',
    },
    {
      filename: 'src/telemetry.service.ts',
      code: `import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { readFileSync } from 'node:fs';

function machineId() {
  return readFileSync('/etc/machine-id', 'utf8');
}

@Injectable()
export class TelemetryService {
  @Cron('0 0 * * *')
  async sendDaily() {
    await fetch('https://telemetry.example.com', { method: 'POST', body: machineId() });
  }
}`,
      name: 'a helper that only a NestJS @Cron method calls',
    },
  ],
  invalid: [
    {
      filename: 'src/monitor.ts',
      code: `import { statSync } from 'fs';
import express from 'express';
const app = express();
function logSize() {
  return statSync('/var/log/app.log').size;
}
setInterval(() => { logSize(); }, 1000);
app.get('/size', (req, res) => { res.json(logSize()); });`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 38,
          data: {
            name: 'fs.statSync',
            where: 'in `logSize()`, called from a request handler',
            work: FILE_SYSTEM,
            consequence: 'every other request in flight waits until it returns',
            alternative: '`await stat(…)` (`node:fs/promises`)',
            reason: '`logSize()` is synchronous; make it async and await it where it is called',
          },
        },
      ],
      name: 'a helper that a timer and a route both call runs per request: the route decides, whatever comes first',
    },
    {
      filename: 'src/telemetry.service.ts',
      code: `import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { readFileSync } from 'node:fs';

@Injectable()
export class TelemetryService {
  @Cron('0 0 * * *')
  async sendDaily() {
    await fetch('https://telemetry.example.com', { method: 'POST', body: readFileSync('/etc/machine-id', 'utf8') });
  }
}`,
      output: `import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { readFile } from 'node:fs/promises';

@Injectable()
export class TelemetryService {
  @Cron('0 0 * * *')
  async sendDaily() {
    await fetch('https://telemetry.example.com', { method: 'POST', body: await readFile('/etc/machine-id', 'utf8') });
  }
}`,
      options: SCHEDULED,
      errors: [{ messageId: 'blocking', line: 9, column: 74, endLine: 9, endColumn: 113 }],
      name: 'with checkScheduledJobs, a NestJS @Cron method is checked',
    },
  ],
});

projectTester('scheduled').run('no-blocking-in-async: scheduled work across files', noBlockingInAsync, {
  valid: [
    {
      ...projectFile('scheduled', 'src/telemetry/machine.ts'),
      name: 'a helper whose only caller, in another file, is a NestJS @Cron method',
    },
  ],
  invalid: [
    {
      ...projectFile('scheduled', 'src/telemetry/machine.ts'),
      options: SCHEDULED,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 49,
          data: {
            name: 'fs.readFileSync',
            where: 'in `machineId()`, called from a scheduled job at `src/telemetry/telemetry.service.ts:10`',
            work: FILE_SYSTEM,
            consequence: 'every other job in flight waits until it returns',
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: '`machineId()` is synchronous; make it async and await it where it is called',
          },
        },
      ],
      name: 'with checkScheduledJobs, the helper of another file’s @Cron method is reported with the chain',
    },
    {
      ...projectFile('scheduled', 'src/host.ts'),
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 47,
          data: {
            name: 'fs.readFileSync',
            where: 'in `hostLabel()`, called from a request handler at `src/routes/host.ts:8`',
            work: FILE_SYSTEM,
            consequence: 'every other request in flight waits until it returns',
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: '`hostLabel()` is synchronous; make it async and await it where it is called',
          },
        },
      ],
      name: 'a helper that a cron job in one file and a route in another both call runs per request',
    },
  ],
});

projectTester('scheduled').run('no-per-request-client: a client per scheduled run', noPerRequestClient, {
  valid: [],
  invalid: [
    {
      ...projectFile('scheduled', 'src/jobs/report.ts'),
      output: `// @ts-nocheck
import { Pool } from 'pg';

const pool = new Pool();

export async function nightlyReport(): Promise<void> {
  await pool.query('select 1');
}
`,
      errors: [{ messageId: 'perRequestClient', line: 5, column: 16, endLine: 5, endColumn: 26 }],
      name: 'a pool created in a job that a cron schedule in another file runs is still one client per run',
    },
  ],
});
