import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

/** What Node's HTTP parser refuses before any route runs, answered as the problem document it deserves. */
function answerFor(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, detail: 'The request headers are larger than this service accepts (16 KiB in all).' };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'The request did not arrive in time.' };
  return { status: 400, detail: 'The request is not valid HTTP/1.1.' };
}

/**
 * Node answers a request its parser refuses (headers over 16 KiB, malformed request lines) with a
 * bare status line; this answers it with a problem document like every other error, then closes.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const { status, detail } = answerFor(error.code);
    const doc = problem(status, detail);
    const body = JSON.stringify(doc);
    socket.end(
      `HTTP/1.1 ${status} ${doc.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
