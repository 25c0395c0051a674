import { ApiError } from '../../../src/ui/client/api-error';
import { fieldId } from '../../../src/ui/client/form-ids';
import { isAppPath, matchPath, pathTo } from '../../../src/ui/client/path-match';
import { signInErrorOf, signInHref, signInNoticeOf, signInPath } from '../../../src/ui/client/sign-in-address';
import { parseSession } from '../../../src/ui/client/session-types';

describe('matching a screen\'s path', () => {
  it('gives the parameters of a matching path, with or without a trailing slash', () => {
    expect(matchPath('/ui/cases/:id', '/ui/cases/5b1d0c7e')).toEqual({ id: '5b1d0c7e' });
    expect(matchPath('/ui/board', '/ui/board/')).toEqual({});
    expect(matchPath('/ui/', '/ui/')).toEqual({});
  });

  it('does not match another screen, a longer path or an empty parameter', () => {
    expect(matchPath('/ui/cases/:id', '/ui/cases/1/events')).toBeNull();
    expect(matchPath('/ui/board', '/ui/inbox')).toBeNull();
    expect(matchPath('/ui/cases/:id', '/ui/cases/')).toBeNull();
    expect(matchPath('/ui/cases/:id', '/ui/cases/%E0%A4%A')).toBeNull();
  });

  it('fills a pattern in, encoding the values', () => {
    expect(pathTo('/ui/audit/:id', { id: 'a b' })).toBe('/ui/audit/a%20b');
  });

  it('follows a sign-in "next" only to a screen of this app', () => {
    expect(isAppPath('/ui/cases/5b1d0c7e')).toBe(true);
    expect(isAppPath('https://evil.example/ui/')).toBe(false);
    expect(isAppPath('//evil.example/ui/x')).toBe(false);
    expect(isAppPath('/ui//evil.example')).toBe(false);
    expect(isAppPath(null)).toBe(false);
  });
});

describe('the session GET /auth/session describes', () => {
  const described = {
    subject: 'demo-coordinator', role: 'coordinator', displayName: 'Demo Coördinator', csrfToken: 'c5rf',
    idleExpiresAt: '2026-12-01T10:30:00.000Z', absoluteExpiresAt: '2026-12-01T20:00:00.000Z', idleTimeoutSeconds: 1800,
  };

  it('reads the server\'s description, and nothing that would be a token', () => {
    expect(parseSession({ ...described, token: 'never kept' })).toEqual(described);
  });

  it('has no display name when the provider gave an empty one', () => {
    expect(parseSession({ ...described, displayName: '  ' })).toEqual({ ...described, displayName: null });
  });

  it.each([
    ['nothing', null],
    ['an unknown role', { ...described, role: 'admin' }],
    ['no CSRF token', { ...described, csrfToken: '' }],
    ['an idle ending that is no time', { ...described, idleExpiresAt: 'soon' }],
    ['no absolute ending', { ...described, absoluteExpiresAt: undefined }],
    ['no idle timeout', { ...described, idleTimeoutSeconds: 0 }],
  ])('is none for %s', (_what, body) => {
    expect(parseSession(body)).toBeNull();
  });
});

describe('the sign-in page\'s address', () => {
  it('carries the notice and the screen to return to', () => {
    expect(signInPath('idleExpired', '/ui/cases/5b1d0c7e')).toBe('/ui/?session=idle-expired&next=%2Fui%2Fcases%2F5b1d0c7e');
    expect(signInPath('signedOut')).toBe('/ui/?signedOut=1');
    expect(signInPath(null, '/ui/')).toBe('/ui/');
  });

  it('never returns to a screen outside the app', () => {
    expect(signInPath('ended', 'https://evil.example/ui/')).toBe('/ui/?session=ended');
  });

  it.each(['signedOut', 'ended', 'expired', 'idleExpired', 'absoluteExpired'] as const)('reads the %s notice back', (notice) => {
    expect(signInNoticeOf(signInPath(notice, '/ui/board').slice('/ui/'.length))).toBe(notice);
  });

  it('reads no notice from an address without one, or with one it does not know', () => {
    expect(signInNoticeOf('?next=%2Fui%2Fboard')).toBeNull();
    expect(signInNoticeOf('?session=hijacked')).toBeNull();
  });

  it('sends the sign-in button to the server with the screen to return to, and only a screen of the app', () => {
    expect(signInHref('/ui/audit')).toBe('/auth/login?next=%2Fui%2Faudit');
    expect(signInHref('//evil.example/')).toBe('/auth/login?next=%2Fui%2F');
    expect(signInHref(null)).toBe('/auth/login?next=%2Fui%2F');
  });

  it('shows a failed sign-in\'s reason only when it is a short code', () => {
    expect(signInErrorOf('?error=access_denied')).toBe('access_denied');
    expect(signInErrorOf('?error=%3Cscript%3E')).toBeNull();
    expect(signInErrorOf('')).toBeNull();
  });
});

describe('an API error', () => {
  const body = {
    statusCode: 400, code: 'invalid_input', message: 'a; b',
    fields: [{ field: 'officeHolder.name', problems: ['a'] }, { field: 'officeHolderName', problems: ['x'] }, { field: 'reason', problems: ['b'] }],
  };

  it('keeps the API\'s message, code and field problems', () => {
    const sut = ApiError.fromBody(400, body);
    expect({ status: sut.status, code: sut.code, message: sut.message, fields: sut.fields })
      .toEqual({ status: 400, code: 'invalid_input', message: 'a; b', fields: body.fields });
  });

  it('gives the problems of one field and of the fields inside it, not of fields that merely start alike', () => {
    const sut = ApiError.fromBody(400, body);
    expect(sut.problemsOf('officeHolder')).toEqual(['a']);
    expect(sut.problemsOf('reason')).toEqual(['b']);
    expect(sut.problemsOf('category')).toEqual([]);
  });

  it('keeps the API\'s own error as it is, and turns any other failure into one that did not reach the API', () => {
    const refused = new ApiError(409, 'conflict', 'already decided');
    expect(ApiError.from(refused)).toBe(refused);
    expect(ApiError.from(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, code: 'error', message: 'Failed to fetch' });
    expect(ApiError.from('gone')).toMatchObject({ status: 0, message: 'gone' });
  });

  describe('with coded problems and a coded reason', () => {
    const coded = {
      statusCode: 400, code: 'invalid_input', message: 'Gemeente is verplicht.', reason: { code: 'invalid_input', params: {} },
      fields: [{ field: 'municipalityCode', problems: ['Gemeente is verplicht.'], issues: [{ code: 'required', params: {}, message: 'Gemeente is verplicht.' }] }],
    };

    it('shows one message per problem in the page\'s language, naming the field by its label', () => {
      const sut = ApiError.fromBody(400, coded, 'en');

      expect(sut.problemsOf('municipalityCode')).toEqual(['Municipality is required.']);
      expect(sut.message).toBe('Municipality is required.');
      expect(ApiError.fromBody(400, coded, 'nl').problemsOf('municipalityCode')).toEqual(['Gemeente is verplicht.']);
    });

    it('shows a refusal in the page\'s language from its code, whatever language the server answered in', () => {
      const refused = { statusCode: 403, code: 'forbidden', message: 'Alleen de toegewezen expert mag deze taak afronden.', reason: { code: 'task_not_yours', params: { taskId: 'task-1' } }, fields: [] };

      expect(ApiError.fromBody(403, refused, 'en').message).toBe('Only the assigned expert may complete this task.');
    });

    it('keeps the server\'s words for a code this build does not know', () => {
      const newer = { ...coded, fields: [{ ...coded.fields[0], issues: [{ code: 'not_yet_known', params: {}, message: 'Nieuw probleem.' }] }] };

      expect(ApiError.fromBody(400, newer, 'en').problemsOf('municipalityCode')).toEqual(['Nieuw probleem.']);
      expect(ApiError.fromBody(409, { statusCode: 409, code: 'conflict', message: 'Iets nieuws.', reason: { code: 'not_yet_known', params: {} }, fields: [] }, 'en').message)
        .toBe('Iets nieuws.');
    });
  });

  it('still says something readable for an answer that is not the error body', () => {
    expect(ApiError.fromBody(502, '<html>Bad gateway</html>').message).toBe('the server answered 502');
  });

  it('names a field\'s input by the API\'s name for it', () => {
    expect(fieldId('indicators.expectedAttendance')).toBe('field-indicators-expectedAttendance');
  });
});
