import { isFullyApproved, listApprovalRefusal, requestApprovalRefusal } from '../../../../src/domain/retention/four-eyes';
import { sealedValuesIn } from '../../../../src/domain/retention/sealed-values';

describe('four eyes', () => {
  it('lets a second, different coordinator approve a list', () => {
    expect(listApprovalRefusal(['c.jansen'], 'c.devries')).toBeUndefined();
    expect(isFullyApproved(['c.jansen', 'c.devries'])).toBe(true);
  });

  it('refuses the same coordinator twice, and one approval is not enough', () => {
    expect(listApprovalRefusal(['c.jansen'], 'c.jansen')).toBe('already_approved_by_you');
    expect(isFullyApproved(['c.jansen'])).toBe(false);
    expect(isFullyApproved(['c.jansen', 'c.jansen'])).toBe(false);
  });

  it('counts one person however the identity provider spells their subject: case, compatibility forms, spaces', () => {
    // Found by the attack pass: `C.JANSEN` gave the second approval to a list `c.jansen` had approved.
    expect(listApprovalRefusal(['c.jansen'], 'C.JANSEN')).toBe('already_approved_by_you');
    expect(listApprovalRefusal(['c.jansen'], ' ｃ.jansen ')).toBe('already_approved_by_you');
    expect(isFullyApproved(['c.jansen', 'C.Jansen'])).toBe(false);
    expect(requestApprovalRefusal('c.jansen', 'C.Jansen')).toBe('own_request');
  });

  it('refuses the requester as the approver of their own request', () => {
    expect(requestApprovalRefusal('c.jansen', 'c.jansen')).toBe('own_request');
    expect(requestApprovalRefusal('c.jansen', 'c.devries')).toBeUndefined();
  });
});

describe('sealed values', () => {
  it('finds the key id and path of every sealed value, in lists too', () => {
    const data = { request: { officeHolder: { name: { $sealed: 'person-p1:AAAA' }, office: 'wethouder' }, notes: [{ $sealed: 'case-c1:BBBB' }] } };
    expect(sealedValuesIn(data)).toEqual([
      { path: 'request.officeHolder.name', keyId: 'person-p1' }, { path: 'request.notes.*', keyId: 'case-c1' },
    ]);
  });
});
