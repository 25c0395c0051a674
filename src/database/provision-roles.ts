import { Client } from 'pg';
import { APP_ROLE, OWNER_ROLE } from './database-roles';

/** The passwords of Brigade's two logins. */
export interface RolePasswords {
  readonly owner: string;
  readonly app: string;
}

/**
 * As a superuser: creates (or re-keys) the owner and application logins, makes the owner own `database`, and hands it
 * whatever the superuser itself created in that database's public schema, as migrations run by earlier versions did.
 */
export async function provisionBrigadeRoles(superuserUrl: string, database: string, passwords: RolePasswords): Promise<void> {
  await withClient(superuserUrl, 'postgres', async (client) => {
    for (const [role, password] of [[OWNER_ROLE, passwords.owner], [APP_ROLE, passwords.app]]) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount !== 0;
      // Neither may be a superuser, create roles or databases, or bypass row security: least privilege for both.
      const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
      const { rows: [{ literal }] } = await client.query<{ literal: string }>('SELECT quote_literal($1) AS literal', [password]);
      await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} ${attributes} PASSWORD ${literal}`);
    }
    await client.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${OWNER_ROLE}`);
  });
  await withClient(superuserUrl, database, (client) => client.query(`
    DO $$
    DECLARE
      object record;
    BEGIN
      FOR object IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER_ROLE}', object.name);
      END LOOP;
      FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public' AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', object.name);
      END LOOP;
    END $$`));
}

/** The URL of `login` with `password` on the server and database of `url`. */
export function urlAs(url: string, login: string, password: string, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login);
  parsed.password = encodeURIComponent(password);
  if (database !== undefined) parsed.pathname = `/${database}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withClient<T>(url: string, database: string, use: (client: Client) => Promise<T>): Promise<T> {
  const target = new URL(url);
  target.pathname = `/${database}`;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
