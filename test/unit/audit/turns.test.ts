import { Turns } from '../../../src/audit/turns';

/** A piece of work that runs until the test lets it finish. */
function gated() {
  let finish!: (value?: unknown) => void;
  let fail!: (error: Error) => void;
  const done = new Promise((resolve, reject) => { finish = resolve; fail = reject; });
  return { work: () => done, finish, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('turns for costly work', () => {
  it('lets two run at once and starts the third, then the fourth, in order, as turns free up — also after a failure', async () => {
    const turns = new Turns(2);
    const started: number[] = [];
    const works = [gated(), gated(), gated(), gated()];
    const runs = works.map((w, index) => turns.take(() => {
      started.push(index);
      return w.work();
    }));
    runs.forEach((run) => run.catch(() => undefined));
    await settle();
    expect(started).toEqual([0, 1]);

    works[1].fail(new Error('this case could not be read'));
    await settle();
    expect(started).toEqual([0, 1, 2]);
    await expect(runs[1]).rejects.toThrow('this case could not be read');

    works[0].finish();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    works[2].finish();
    works[3].finish();
    await Promise.all([runs[0], runs[2], runs[3]]);
  });
});
