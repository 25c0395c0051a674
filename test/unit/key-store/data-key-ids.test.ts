import { assertDataKeyId, dataKeyIdFor } from '../../../src/key-store/data-key-ids';
import { InvalidDataKeyIdError } from '../../../src/key-store/key-store.errors';

describe('data key ids', () => {
  it('name a case key case-<caseId> and a person key person-<personId>', () => {
    expect(dataKeyIdFor({ kind: 'case', caseId: '0b6c2a9e-5d1f-4c3b-9e8a-1f2d3c4b5a69' })).toBe('case-0b6c2a9e-5d1f-4c3b-9e8a-1f2d3c4b5a69');
    expect(dataKeyIdFor({ kind: 'person', personId: 'P123' })).toBe('person-P123');
  });

  it.each(['', '../x', 'a/b', 'a.b', 'a b', 'ü', 'x'.repeat(129)])('refuse the id %j, which is not letters, digits and dashes', (id) => {
    expect(() => dataKeyIdFor({ kind: 'case', caseId: id })).toThrow(InvalidDataKeyIdError);
    expect(() => dataKeyIdFor({ kind: 'person', personId: id })).toThrow(/a person id for a data key must be 1 to 128 letters, digits or dashes/);
  });

  it.each(['case-1', 'person-a-b'])('accept the key id %j', (keyId) => {
    expect(() => assertDataKeyId(keyId)).not.toThrow();
  });

  it.each(['case-', 'case', 'org-1', 'case-1/../x', 'case-1.key', 'Case-1'])('refuse the key id %j', (keyId) => {
    expect(() => assertDataKeyId(keyId)).toThrow(InvalidDataKeyIdError);
  });
});
