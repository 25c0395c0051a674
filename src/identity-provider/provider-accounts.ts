import { createHash, timingSafeEqual } from 'node:crypto';
import { EXPERT_DIRECTORY, type ExpertDirectory, type ExpertIdentity } from '../expert-directory/expert-directory.port';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, POOL_SUBJECT_PREFIX, type ProviderAccount } from './demo-accounts';
import { Inject, Injectable } from '@nestjs/common';

const DEMO_PASSWORD_DIGEST = digest(DEMO_PASSWORD);

/** The people who can sign in at the local provider: the demo accounts, and every active expert of the pool. */
@Injectable()
export class ProviderAccounts {
  constructor(@Inject(EXPERT_DIRECTORY) private readonly experts: ExpertDirectory) {}

  /** The account an e-mail address and password sign in, or null when either is wrong or the expert is not active. */
  async withPassword(email: string, password: string): Promise<ProviderAccount | null> {
    // Compared before anything is looked up, and in constant time, so that neither the answer nor its timing says more.
    const passwordMatches = timingSafeEqual(digest(password), DEMO_PASSWORD_DIGEST);
    const account = await this.byEmail(email);
    return passwordMatches ? account : null;
  }

  /** The account a `sub` names, or null when there is none (any longer): an expert who was deactivated is not found. */
  async find(accountId: string): Promise<ProviderAccount | null> {
    const demo = DEMO_ACCOUNTS.find((account) => account.accountId === accountId);
    if (demo) return demo;
    if (!accountId.startsWith(POOL_SUBJECT_PREFIX)) return null;
    return activeExpert(await this.experts.identity(accountId.slice(POOL_SUBJECT_PREFIX.length)));
  }

  private async byEmail(email: string): Promise<ProviderAccount | null> {
    const wanted = email.trim().toLowerCase();
    // No address holds a control character; PostgreSQL would refuse a NUL outright, so it never gets that far.
    if (wanted === '' || /[\u0000-\u001f\u007f]/.test(wanted)) return null;
    const demo = DEMO_ACCOUNTS.find((account) => account.email === wanted);
    if (demo) return demo;
    return activeExpert(await this.experts.identityByEmail(wanted));
  }
}

function activeExpert(identity: ExpertIdentity | null): ProviderAccount | null {
  if (!identity?.active) return null;
  return { accountId: `${POOL_SUBJECT_PREFIX}${identity.expertId}`, name: identity.name, email: identity.email, role: 'expert' };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
