import { CreateEventStore1764400000000 } from './1764400000000-create-event-store';
import { CreateExperts1764500000000 } from './1764500000000-create-experts';
import { IndexCaseParticipants1764600000000 } from './1764600000000-index-case-participants';
import { GuardEventChain1764700000000 } from './1764700000000-guard-event-chain';
import { GrantLeastPrivilege1764800000000 } from './1764800000000-grant-least-privilege';
import { MunicipalityCodes1765000000000 } from './1765000000000-municipality-codes';
import { ArchiveWorkflowHistories1765100000000 } from './1765100000000-archive-workflow-histories';
import { TransparencyLog1765200000000 } from './1765200000000-transparency-log';
import { SignInSessions1765300000000 } from './1765300000000-sign-in-sessions';
import { Notifications1765400000000 } from './1765400000000-notifications';
import { Retention1765500000000 } from './1765500000000-retention';
import { FourEyesPerPerson1765600000000 } from './1765600000000-four-eyes-per-person';
import { OfficeHolderKeyClaims1765700000000 } from './1765700000000-office-holder-key-claims';
import { AppendCaseEventsFunction1765810000000 } from './1765810000000-append-case-events-function';
import { PinSearchPathAndFiniteTimes1765900000000 } from './1765900000000-pin-search-path-and-finite-times';

/** Every migration, oldest first; TypeORM runs the ones not yet applied on start. */
export const BRIGADE_MIGRATIONS = [
  CreateEventStore1764400000000, CreateExperts1764500000000, IndexCaseParticipants1764600000000, GuardEventChain1764700000000,
  GrantLeastPrivilege1764800000000, MunicipalityCodes1765000000000, ArchiveWorkflowHistories1765100000000,
  TransparencyLog1765200000000, SignInSessions1765300000000, Notifications1765400000000, Retention1765500000000,
  FourEyesPerPerson1765600000000, OfficeHolderKeyClaims1765700000000, AppendCaseEventsFunction1765810000000,
  PinSearchPathAndFiniteTimes1765900000000,
];
