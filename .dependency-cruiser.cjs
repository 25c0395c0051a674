// Which way the arrows between Brigade's folders may point (STYLE.md, "Boundaries worth keeping"); `npm run depcheck`.
//
// Layers, from the top; a module may import its own layer or a lower one, never a higher one, and never in a loop:
//   bootstrap  src/main.ts, src/cli.ts, src/bootstrap (app assembly included), src/commands (the CLI's commands)
//   features   src/cases, src/expert-inbox, src/experts, src/audit, src/checkpoints, src/health,
//              src/expert-deactivation, src/metrics, src/codec-server, src/outbox, src/ui, src/partner-directory (the partners'
//              contact points, kept by coordinators), src/notification-settings (an expert's own channels and quiet hours),
//              src/retention (destruction lists, erasure requests and the destruction report)
//   adapters   src/event-store, src/read-model, src/field-encryption (sealing sensitive fields with data keys),
//              src/expert-directory, src/partner-contacts (the contact points' table and
//              the lookup the notification sender uses), src/temporal, src/crypto, src/database,
//              src/transparency-log, src/history-archive, src/config, src/logging, src/tracing, src/i18n, src/http,
//              src/auth (identity: tokens, roles, the guard every feature's routes stand behind), src/identity-provider
//              (the embedded local OpenID Connect provider, whose client secret the relying party in src/auth reads), src/api-contracts
//              (type-only answer shapes the screens share), src/notifications (the mail and SMS channels, the message templates,
//              the calendar invitation, the sender and its delivery ledger, the embedded SMTP server), src/key-store (the data
//              keys that seal sensitive fields, in a folder or Vault), src/retention-store (destruction lists, erasure
//              requests, and where a person's data is sealed), activities, workflows
//   domain     src/domain
const BOOTSTRAP = ['^src/(main|cli)[.]ts$', '^src/bootstrap/', '^src/commands/'];
const FEATURES = ['^src/(cases|expert-inbox|experts|audit|checkpoints|health|expert-deactivation|metrics|codec-server|outbox|ui|partner-directory|notification-settings|retention)/'];
const ADAPTERS = [
  '^src/(access-log|event-store|read-model|expert-directory|partner-contacts|temporal|crypto|database|transparency-log|history-archive|config|logging|tracing|i18n|http|auth|identity-provider|api-contracts|notifications|key-store|field-encryption|retention-store)/',
  '^activities/',
  '^workflows/',
];
const DOMAIN = ['^src/domain/'];

// Files that may talk to PostgreSQL themselves: the database, event-store and read-model adapters, the CLI and app
// assembly, and elsewhere only an adapter file named for what it is (`*.repository.ts`, `postgres-*.ts`).
const DATABASE_CLIENTS_ALLOWED = [
  '^src/(database|event-store|read-model|bootstrap|commands)/',
  '(^|/)[^/]+[.]repository[.]ts$',
  '(^|/)postgres-[^/]+[.]ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      comment: 'A module must not import itself through others: a loop has no bottom to start reading or testing from.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two folders must not import each other, directly or round about: a folder is a unit one can read alone.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'every-folder-has-a-layer',
      comment: 'A new folder must be placed in a layer above, or its imports would go unchecked.',
      severity: 'error',
      from: { path: '^(src|activities|workflows)/', pathNot: [...BOOTSTRAP, ...FEATURES, ...ADAPTERS, ...DOMAIN] },
      to: {},
    },
    {
      name: 'bootstrap-on-top',
      comment: 'App assembly, infrastructure and the CLI are imported only by src/main.ts, src/cli.ts and tests.',
      severity: 'error',
      from: { pathNot: BOOTSTRAP },
      to: { path: BOOTSTRAP },
    },
    {
      name: 'adapters-below-features',
      comment: 'Adapters and the domain serve features and must not know them; a feature hands them what they need.',
      severity: 'error',
      from: { path: [...ADAPTERS, ...DOMAIN] },
      to: { path: FEATURES },
    },
    {
      name: 'domain-at-the-bottom',
      comment: 'The domain is pure and shared with workflows: it imports nothing of Brigade outside itself.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^(src|activities|workflows)/', pathNot: DOMAIN },
    },
    {
      name: 'database-only-in-adapters',
      comment: 'Features reach PostgreSQL through ports (EventStore, CaseReadModel, ExpertDirectory) or a named adapter file.',
      severity: 'error',
      from: { path: '^(src|activities|workflows)/', pathNot: DATABASE_CLIENTS_ALLOWED },
      to: { path: '(^|/)node_modules/(typeorm|pg|pg-[^/]+)/' },
    },
    {
      name: 'workflows-deterministic',
      comment: 'Workflow code is replayed: only the workflow SDK, the pure domain, its own folder and activity types.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        // @temporalio/common is the sandbox-safe half of the workflow SDK; @temporalio/workflow does not re-export
        // defineSearchAttributeKey or WorkflowExecutionAlreadyStartedError, which the workflows need.
        pathNot: ['^workflows/', '^src/domain/', '^node_modules/@temporalio/(workflow|common)/', '^activities/'],
      },
    },
    {
      name: 'workflows-only-activity-types',
      comment: 'Workflows may know what activities look like, never run their code in the workflow sandbox.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Only Brigade's own declaration files are skipped: a package's types are how its import is seen at all.
    exclude: { path: ['^dist/', '^(src|workflows|activities)/.*[.]d[.]ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      ddot: { collapsePattern: '^(node_modules/(@[^/]+/)?[^/]+|src/[^/]+|[^/]+)' },
    },
  },
};
