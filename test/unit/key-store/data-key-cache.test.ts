import { DataKeyCache } from '../../../src/key-store/data-key-cache';

describe('the data key cache', () => {
  it('hands out a key until the bound has passed since it was read, and not after', () => {
    let now = 0;
    const sut = new DataKeyCache(5_000, () => now);
    const key = Buffer.alloc(32, 1);
    sut.set('case-1', key);
    now = 4_999;
    expect(sut.get('case-1')).toBe(key);
    now = 5_000;
    expect(sut.get('case-1')).toBeUndefined();
  });

  it('forgets a key at once when told', () => {
    const sut = new DataKeyCache(60_000);
    sut.set('case-1', Buffer.alloc(32));
    sut.delete('case-1');
    expect(sut.get('case-1')).toBeUndefined();
  });

  it('keeps nothing with a bound of zero', () => {
    const sut = new DataKeyCache(0);
    sut.set('case-1', Buffer.alloc(32));
    expect(sut.get('case-1')).toBeUndefined();
  });
});
