import { ForbiddenException, Injectable } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import type { Principal } from './principal';
import { issueToken, type IssuedToken } from './token-issuer';
import { loadTokenKeys, type TokenKeys } from './token-keys';

/** Mints tokens for the sign-in page on a local machine, when `BRIGADE_LOCAL_SIGN_IN` allows it; like the token command, in the browser. */
@Injectable()
export class LocalSignIn {
  private keys: TokenKeys | undefined;

  constructor(private readonly config: BrigadeConfig) {}

  /** Whether this process hands out tokens to anyone who asks. */
  get enabled(): boolean {
    return this.config.localSignIn;
  }

  /** A token for the principal, or 403 when local sign-in is off. */
  issue(principal: Principal): IssuedToken {
    if (!this.enabled) {
      throw new ForbiddenException('local sign-in is turned off (BRIGADE_LOCAL_SIGN_IN=false); paste a token issued by your administrator instead');
    }
    // Loaded on first use: a process with local sign-in off never needs to read or create the secret for it.
    this.keys ??= loadTokenKeys(this.config);
    return issueToken(this.keys, principal);
  }
}
