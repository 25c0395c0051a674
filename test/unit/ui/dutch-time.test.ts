import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { formatDateTime, formatTime } from '../../../src/ui/client/i18n/dates';
import { auditTime } from '../../../src/ui/client/pages/audit-model';
import { dayFirstDateTime } from '../../support/browser-dates';

const CLIENT = resolve(__dirname, '../../../src/ui/client');

describe('a moment the screens show', () => {
  it('is written in Dutch time in both languages, whatever the machine\'s zone', () => {
    expect(formatDateTime('2026-12-07T03:56:00Z', 'nl')).toBe('7 dec 2026, 04:56');
    expect(formatDateTime('2026-12-07T03:56:00Z', 'en')).toBe('7 Dec 2026, 04:56');
    expect(formatDateTime('2026-06-25T08:00:00Z', 'nl')).toBe('25 jun 2026, 10:00');
  });

  it('keeps the seconds in Dutch time where the screens show them', () => {
    expect(formatTime(new Date('2026-06-25T08:00:05Z'), 'nl')).toBe('10:00:05');
    expect(auditTime('2026-12-07T03:56:07Z', 'nl-NL')).toBe('7 dec 2026, 04:56:07');
  });

  it('is typed back by the browser tests as the Dutch wall-clock text of that moment', () => {
    expect(dayFirstDateTime(new Date('2026-12-07T03:56:00Z'))).toBe('07-12-2026 04:56');
    expect(dayFirstDateTime(new Date('2026-06-25T08:00:00Z'))).toBe('25-06-2026 10:00');
  });
});

describe('the screens\' clock in a browser on the other side of the world', () => {
  it('reads and writes the same Dutch times in Tokyo as in Amsterdam', () => {
    const bundle = buildSync({
      stdin: {
        contents: `
          import { readDateTimeText } from './date-time-text';
          import { formatDateTime } from './i18n/dates';
          console.log(JSON.stringify({
            zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            winter: readDateTimeText('25-12-2026 10:00'),
            summer: readDateTimeText('25-06-2026 10:00'),
            gap: readDateTimeText('29-03-2026 02:30'),
            twice: readDateTimeText('25-10-2026 02:30'),
            shown: formatDateTime('2026-12-07T03:56:00Z', 'nl'),
          }));`,
        resolveDir: CLIENT,
        loader: 'ts',
      },
      bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent',
    });

    const sut = spawnSync(process.execPath, ['-'], { input: bundle.outputFiles[0].text, env: { ...process.env, TZ: 'Asia/Tokyo' }, encoding: 'utf8' });

    expect(sut.stderr).toBe('');
    expect(JSON.parse(sut.stdout)).toStrictEqual({
      zone: 'Asia/Tokyo',
      winter: { kind: 'instant', iso: '2026-12-25T09:00:00.000Z' },
      summer: { kind: 'instant', iso: '2026-06-25T08:00:00.000Z' },
      gap: { kind: 'unreadable', problem: 'impossibleTime' },
      twice: { kind: 'instant', iso: '2026-10-25T00:30:00.000Z' },
      shown: '7 dec 2026, 04:56',
    });
  });
});

describe('the screens\' code', () => {
  const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
  // A formatter without the zone, or a Date method that reads or sets the machine's clock, would show another zone.
  const LOCAL_ZONE = /new Intl\.DateTimeFormat\(|\.toLocale(Date|Time)?String\(|\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds)\(|getTimezoneOffset|new Date\(\s*\w+\s*,/;

  it('formats and reads dates only through the one helper that holds the Dutch zone', () => {
    const offenders = sources(CLIENT)
      .filter((path) => !path.endsWith('dutch-time.ts'))
      .filter((path) => LOCAL_ZONE.test(readFileSync(path, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
      .map((path) => relative(CLIENT, path));

    expect(offenders).toEqual([]);
  });
});
