import { createRequire } from 'node:module';

/*
 * How the driver reads a Bolt message that reached it in several parts, made fast.
 *
 * neo4j-driver 6.3 gathers the parts of a message (Bolt chunks, and a chunk split across socket
 * reads) and, when there is more than one, reads them through a `CombinedBuffer`: every byte is
 * found by a walk over the parts, and every string by a new `StringDecoder` fed from every part.
 * A large record (a supply context, a neighbourhood) decoded at about 10 MB/s, slower than the
 * same data split into one record per item, which is why the statements used to send many small
 * records. Here the parts of such a message are copied into one buffer (one copy, the size of the
 * message), which the driver then reads on its fast path, as it reads a message that came whole.
 * Measured in bench/profile-decode.ts (round five of bench/results/server-overhead.md).
 *
 * The driver's `Dechunker` is public (`channel.Dechunker` of neo4j-driver-bolt-connection, the
 * driver's own dependency, taken from where the driver finds it); its `_onHeader` is not. So the
 * change is checked before it is made: if a later driver names or shapes these differently,
 * nothing is changed, the driver decodes as it always did (slower, never wrong), and
 * `boltMessagesMerged` says so (a test asserts it is true with the pinned driver).
 */

/** A part of a message as the driver holds it: a `ChannelBuffer` around a Node Buffer, unread. */
interface Part {
  _buffer: Buffer;
  position: number;
  length: number;
  constructor: new (buffer: Buffer) => Part;
}

interface DechunkerState {
  _currentMessage: Part[];
}

/**
 * Marks the installed `_onHeader` with its switch, so a second load of this module (a test
 * runner's) neither wraps it again nor loses the switch.
 */
const MERGES = Symbol.for('rare-earths.bolt-messages.merges');

type OnHeader = ((this: DechunkerState, header: number) => unknown) & { [MERGES]?: { on: boolean } };

/** The copy of neo4j-driver-bolt-connection that the driver itself loads (resolved from the driver, not from here). */
const boltConnection = () =>
  createRequire(createRequire(import.meta.url).resolve('neo4j-driver'))('neo4j-driver-bolt-connection') as {
    channel?: { Dechunker?: { prototype: { _onHeader?: OnHeader } } };
  };

/** Whether every part is a whole, unread buffer of one kind, so copying them into one loses nothing. */
function mergeable(parts: readonly Part[]): boolean {
  const kind = parts[0]!.constructor;
  return parts.every(
    (p) =>
      p.constructor === kind &&
      Buffer.isBuffer(p._buffer) &&
      p.position === 0 &&
      p.length === p._buffer.length,
  );
}

/** The installed `_onHeader`'s switch, or undefined when the driver could not be changed. */
function install(): { on: boolean } | undefined {
  const { channel } = boltConnection();
  const prototype = channel?.Dechunker?.prototype;
  const onHeader = prototype?._onHeader;
  if (!prototype || typeof onHeader !== 'function') return undefined;
  if (onHeader[MERGES]) return onHeader[MERGES];
  const state = { on: true };
  const merging: OnHeader = function (this: DechunkerState, header: number) {
    // Header 0 ends a message; the driver then hands its parts on as one message.
    const parts = this._currentMessage;
    if (header === 0 && state.on && Array.isArray(parts) && parts.length > 1 && mergeable(parts)) {
      const Whole = parts[0]!.constructor;
      this._currentMessage = [new Whole(Buffer.concat(parts.map((p) => p._buffer)))];
    }
    return onHeader.call(this, header);
  };
  merging[MERGES] = state;
  prototype._onHeader = merging;
  return state;
}

const mergeSwitch = install();

/** True when messages of several parts are read from one buffer (see above); false when the driver is left as it is. */
export const boltMessagesMerged: boolean = mergeSwitch !== undefined;

/** For bench/profile-decode.ts, which measures both: while `on` is false, the driver reads such messages its own way. */
export function mergeBoltMessages(on: boolean): void {
  if (mergeSwitch) mergeSwitch.on = on;
}
