import { IncomingMessage, type ServerResponse } from 'node:http';

/** The content types the JSON body parser reads as UTF-8 JSON (any other charset it refuses). */
const JSON_TYPE = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/**
 * Whether `req` is a plain JSON POST to exactly `path`: a UTF-8 JSON content type, a declared
 * length from 1 to `bodyLimit` bytes, no content or transfer encoding. The requests a handler in
 * front of the Express application may read itself; every other one is the application's.
 */
export function isJsonPost(req: IncomingMessage, path: string, bodyLimit: number): boolean {
  const length = Number(req.headers['content-length']);
  return (
    req.method === 'POST' &&
    req.url === path &&
    JSON_TYPE.test(req.headers['content-type'] ?? '') &&
    length > 0 &&
    length <= bodyLimit &&
    req.headers['content-encoding'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  );
}

/** Reads the whole body of `req` and hands it to `done`; a request that fails while sending it loses its connection. */
export function readBody(req: IncomingMessage, res: ServerResponse, done: (body: Buffer) => void): void {
  const parts: Buffer[] = [];
  req.on('data', (chunk: Buffer) => parts.push(chunk));
  req.on('error', () => res.destroy());
  req.on('end', () => done(parts.length === 1 ? parts[0]! : Buffer.concat(parts)));
}

/** A request like `req` whose body, read already, can be read again (by the app's JSON body parser). */
export function replayed(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  // Complete: once read, it ends as a whole message (an incomplete one would abort the socket).
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
