import { ApiError } from '../../../src/ui/client/api-error';
import { dateTimeToSend } from '../../../src/ui/client/date-time-check';
import { errorTitle } from '../../../src/ui/client/error-title';
import { en } from '../../../src/ui/client/i18n/en';
import { nl } from '../../../src/ui/client/i18n/nl';

function refusalOf(act: () => unknown): ApiError {
  try {
    act();
  } catch (error) {
    return ApiError.from(error);
  }
  throw new Error('not refused');
}

describe('the heading of a refused form', () => {
  it('asks to check the input when the screen\'s own checks refused a field before sending', () => {
    const sut = refusalOf(() => dateTimeToSend('31-02-2027 10:00', 'scheduledAt', nl.casePage.sessionAt, nl));

    expect(errorTitle(sut, nl)).toBe('Controleer de invoer');
    expect(errorTitle(sut, en)).toBe('Check your input');
  });

  it('asks the same when the API answered 400 with field problems', () => {
    const sut = ApiError.fromBody(400, { statusCode: 400, code: 'invalid_input', message: 'reason: required', fields: [{ field: 'reason', problems: ['x'] }] });

    expect(errorTitle(sut, nl)).toBe(nl.errors.inputTitle);
  });

  it('says something went wrong for a refusal without field problems or an unreachable server', () => {
    expect(errorTitle(new ApiError(409, 'conflict', 'no'), nl)).toBe('Er ging iets mis');
    expect(errorTitle(new ApiError(0, 'error', 'offline'), en)).toBe('Something went wrong');
  });
});
