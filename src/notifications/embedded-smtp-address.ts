/** Where the SMTP server inside Brigade listens once it has started: always loopback, on the port it was given or got. */
export interface EmbeddedSmtpAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Injection token for the embedded SMTP server's bound address; provided only where that server runs (the worker on the
 * embedded mail transport). Its fields are read when mail is sent, since the port is known only once the server listens.
 */
export const EMBEDDED_SMTP_ADDRESS = Symbol('EMBEDDED_SMTP_ADDRESS');
