import { runCli, type CliOutput } from '../../src/cli';

describe('the command line', () => {
  function capture(): CliOutput & { lines: string[]; errors: string[] } {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
  }

  it.each([
    ['an unknown command', ['frobnicate']],
    ['no command', []],
    ['a command with extra arguments', ['seed', '--force']],
    ['a name inherited from Object', ['constructor']],
  ])('answers %s with the usage on stderr and exit code 2', async (_case, args) => {
    const output = capture();

    const sut = await runCli(args, {}, output);

    expect(sut).toBe(2);
    expect(output.lines).toEqual([]);
    expect(output.errors.join('\n')).toMatch(/^usage: node dist\/src\/cli\.js <command>[\s\S]*\n {2}seed /);
  });

  it('refuses a bad environment with exit code 1 and the variable named', async () => {
    const output = capture();

    const sut = await runCli(['seed'], { DATABASE_URL: 'postgres://db/brigade', BRIGADE_EMBEDDED_POSTGRES_PORT: 'five' }, output);

    expect(sut).toBe(1);
    expect(output.errors.join('\n')).toContain('BRIGADE_EMBEDDED_POSTGRES_PORT');
  });
});
