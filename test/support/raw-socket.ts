import { connect, type Socket } from 'node:net';

/** What came back on a raw connection, and when the server closed it. */
export interface SocketExchange {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** From connecting until the server closed the connection. */
  readonly elapsedMs: number;
}

/**
 * Connects to a local port, lets `talk` write whatever it likes (half a request, a trickle, malformed chunks) and reads
 * until the server closes; rejects when it does not within `timeoutMs`. For what an HTTP client library refuses to send.
 */
export function exchangeOnSocket(port: number, talk: (socket: Socket) => void, timeoutMs = 15_000): Promise<SocketExchange> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`the server did not close the connection within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may reset a connection it refused while the client is still writing; what it answered still counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), elapsedMs: Date.now() - startedAt });
    });
    socket.on('connect', () => talk(socket));
  });
}
