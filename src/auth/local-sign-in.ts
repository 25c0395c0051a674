import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { BrigadeConfig } from '../config/brigade-config';
import { EXPERT_DIRECTORY, type ExpertDirectory } from '../expert-directory/expert-directory.port';
import { SPECIFIC_ERROR_CODES } from '../http/error-body';
import { hasLoopbackHost } from '../http/host-allow-list';
import type { Principal } from './principal';
import { issueToken, type IssuedToken } from './token-issuer';
import { loadTokenKeys, type TokenKeys } from './token-keys';
import { refusal } from '../http/refusal';

/** Mints tokens for the sign-in page on a local machine, when `BRIGADE_LOCAL_SIGN_IN` allows it; like the token command, in the browser. */
@Injectable()
export class LocalSignIn {
  private keys: TokenKeys | undefined;

  constructor(
    private readonly config: BrigadeConfig,
    @Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory,
  ) {}

  /** Whether this process hands out tokens to anyone who asks. */
  get enabled(): boolean {
    return this.config.localSignIn;
  }

  /**
   * A token for the principal, or 403 when local sign-in is off, the request does not come from this machine's own page,
   * or the principal is an expert whom the pool does not let act.
   */
  async issue(principal: Principal, request: Request): Promise<IssuedToken> {
    if (!this.enabled) {
      throw new ForbiddenException(refusal('local_sign_in_off'));
    }
    refuseForeignCaller(request);
    if (principal.role === 'expert') await this.requireActiveExpert(principal.subject);
    // Loaded on first use: a process with local sign-in off never needs to read or create the secret for it.
    this.keys ??= loadTokenKeys(this.config);
    return issueToken(this.keys, principal);
  }

  // The token guard would refuse such a token on every use; handing it out would only look like a sign-in that works.
  private async requireActiveExpert(expertId: string): Promise<void> {
    const active = await this.experts.isActive(expertId);
    if (active === null) {
      throw new ForbiddenException({ code: SPECIFIC_ERROR_CODES.unknownExpert, ...refusal('unknown_expert', { expertId }) });
    }
    if (!active) {
      throw new ForbiddenException({ code: SPECIFIC_ERROR_CODES.expertDeactivated, ...refusal('expert_deactivated', { expertId }) });
    }
  }
}

// Anyone who can reach this route gets a coordinator token, so it must be reached as localhost and from its own page: a
// rebound DNS name shows in Host, and another site's page in Origin.
function refuseForeignCaller(request: Request): void {
  if (!hasLoopbackHost(request)) {
    throw new ForbiddenException(refusal('local_sign_in_local_only'));
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `${request.protocol}://${request.headers.host!.toLowerCase()}`) {
    throw new ForbiddenException(refusal('local_sign_in_other_origin'));
  }
}
