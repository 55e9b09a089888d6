import {
  changeMatches,
  firstAfter,
  missedChanges,
  type ChangeFilter,
  type GraphChange,
} from '../../domain/changes.js';
import { BadInputError } from '../../domain/errors.js';
import type { GraphStore } from '../../store/graph-store.js';

/** What a subscription is sent: a change, or the changes it can no longer be given (numbers `from`..`to`, `sequence` = `to`). */
export type ChangeEvent = GraphChange | { kind: 'GAP'; sequence: number; from: number; to: number };

/** The feed's settings (README, "Live changes"). */
export interface ChangeFeedOptions {
  /** How often to look for changes other processes made (Neo4j, where instances share the database); null: only when poked. */
  pollMs: number | null;
  /** A resume with `after` replays at most the last this many changes (CHANGES_RETENTION); older ones are a gap. */
  retention: number;
  /**
   * How far (in changes) a subscription may fall behind the latest change that arrived since it
   * started before it is cut off (SUBSCRIPTION_QUEUE_MAX); also how many recent changes the feed
   * holds for every subscription to read.
   */
  queueMax: number;
  /** Changes read from the store at a time. */
  pageSize?: number;
  /** Told of a store failure while looking for changes (the next poll or poke tries again). */
  onError?: (error: unknown) => void;
}

/** One subscription's request: which changes, from where, and what to do once it is too far behind. */
export interface ChangeSubscription {
  filter: ChangeFilter;
  /** Resume after this number; absent: from the next change on. */
  after?: number;
  /** Called once when the subscription is more than `queueMax` changes behind (the server closes its connection). */
  onBehind: (behind: number) => void;
}

type ChangeStore = Pick<GraphStore, 'changeSequence' | 'changesSince'>;

const DEFAULT_PAGE = 100;

/**
 * The process's one reader of the change sequence, shared by every subscription. It keeps the
 * latest number it has read (`head`) and the last `queueMax` changes (the window). A write made
 * in this process pokes it (the embedded store's only writer is this process: delivery is
 * immediate); with `pollMs` it also polls the store for other processes' writes. It reads the
 * store only while someone subscribes.
 *
 * Subscriptions pull: each keeps a cursor (the last number it passed, sent or filtered out)
 * and, when the consumer asks for the next event, reads on from the window, or from the store
 * when it is further back (a resume). Nothing is queued per subscription beyond one page, so a
 * consumer that stops reading holds no memory: it only falls behind, and past `queueMax` it is
 * cut off. Events go out in number order, with a GAP event where a resume reaches past the
 * retention, never a silent hole.
 */
export class ChangeFeed {
  private head = 0;
  private window: GraphChange[] = [];
  private readonly subscribers = new Set<Subscriber>();
  /** Set while the feed is active (someone subscribes): resolves once `head` is read. */
  private active: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private pokedWhilePumping = false;
  private readonly pageSize: number;

  constructor(
    private readonly store: ChangeStore,
    private readonly options: ChangeFeedOptions,
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_PAGE;
  }

  /** How many subscriptions are open (for tests and the log). */
  get size(): number {
    return this.subscribers.size;
  }

  /** A change was made here: read it now (coalesced with a read already running). */
  poke(): void {
    if (!this.active) return;
    if (this.pumping) {
      this.pokedWhilePumping = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.pokedWhilePumping) {
        this.pokedWhilePumping = false;
        this.poke();
      }
    });
  }

  /**
   * Opens a subscription. With `after`: refuses (BAD_USER_INPUT) a number past the latest change
   * (the sequence was reset: resubscribe without `after`); a resume reaching past the retention
   * first yields a GAP event.
   */
  async subscribe(request: ChangeSubscription): Promise<AsyncIterableIterator<ChangeEvent>> {
    await this.activate();
    let cursor = this.head;
    const gap: ChangeEvent[] = [];
    if (request.after !== undefined) {
      const [latest, held] = await Promise.all([
        this.store.changeSequence(),
        this.store.changesSince(request.after, 0),
      ]);
      if (request.after > latest)
        throw new BadInputError(
          `after (${request.after}) is past the latest change (${latest}): the change sequence was reset; resubscribe without after`,
          'after',
        );
      const missed = missedChanges(request.after, latest, held.oldestRetained, this.options.retention);
      if (missed) gap.push({ kind: 'GAP', sequence: missed.to, ...missed });
      cursor = missed ? missed.to : request.after;
    }
    const subscriber = new Subscriber(this, request, cursor, this.head, gap);
    this.subscribers.add(subscriber);
    return subscriber;
  }

  /** Stops polling and ends every subscription. */
  close(): void {
    for (const s of [...this.subscribers]) void s.return();
    this.deactivate();
  }

  /** Up to a page of changes after `cursor`: from the window when it reaches that far back, else from the store (and what the store no longer holds, as a gap). */
  async read(cursor: number): Promise<ChangeEvent[]> {
    if (this.window.length > 0 && this.window[0]!.sequence <= cursor + 1) {
      const from = firstAfter(this.window, cursor);
      return this.window.slice(from, from + this.pageSize);
    }
    const page = await this.store.changesSince(cursor, this.pageSize);
    const lost = missedChanges(cursor, this.head, page.oldestRetained, Number.MAX_SAFE_INTEGER);
    const gap: ChangeEvent[] = lost ? [{ kind: 'GAP', sequence: lost.to, ...lost }] : [];
    return [...gap, ...page.entries];
  }

  latest(): number {
    return this.head;
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.deactivate();
  }

  private activate(): Promise<void> {
    if (this.active) return this.active;
    const active = this.store.changeSequence().then((latest) => {
      this.head = latest;
      this.window = [];
      if (this.options.pollMs !== null) {
        this.timer = setInterval(() => this.poke(), this.options.pollMs);
        this.timer.unref();
      }
    });
    this.active = active;
    active.catch(() => {
      if (this.active === active) this.active = null;
    });
    return active;
  }

  private deactivate(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.active = null;
    this.window = [];
  }

  /** Reads every change after `head`, page by page, into the window, waking the subscriptions after each page. */
  private async pump(): Promise<void> {
    const active = this.active;
    try {
      await active;
      for (;;) {
        const { entries } = await this.store.changesSince(this.head, this.pageSize);
        // Deactivated (or activated anew, with a fresh head) while reading: this page is stale.
        if (entries.length === 0 || this.active !== active) return;
        this.window.push(...entries);
        if (this.window.length > this.options.queueMax)
          this.window.splice(0, this.window.length - this.options.queueMax);
        this.head = entries[entries.length - 1]!.sequence;
        for (const s of this.subscribers) s.advanced(this.head, this.options.queueMax);
        if (entries.length < this.pageSize) return;
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}

/** One subscription: a cursor over the feed, filtered, pulled by its consumer. */
class Subscriber implements AsyncIterableIterator<ChangeEvent> {
  private pending: ChangeEvent[];
  private wake: (() => void) | null = null;
  private done = false;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly request: ChangeSubscription,
    /** The last number passed (sent or filtered out). */
    private cursor: number,
    /** The latest number when it started: what it is behind is counted from here (a resume reads older ones at its own pace). */
    private readonly start: number,
    initial: ChangeEvent[],
  ) {
    this.pending = initial;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<ChangeEvent>> {
    try {
      while (!this.done) {
        const event = this.pending.shift();
        if (event) return { done: false, value: event };
        if (this.cursor < this.feed.latest()) {
          const events = await this.feed.read(this.cursor);
          if (events.length === 0) continue;
          this.cursor = events[events.length - 1]!.sequence;
          this.pending = events.filter((e) => e.kind === 'GAP' || changeMatches(e, this.request.filter));
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
    } catch (error) {
      // A failed read ends the subscription (nothing calls `return` on an iterator whose `next` failed).
      void this.return();
      throw error;
    }
    return { done: true, value: undefined };
  }

  return(): Promise<IteratorResult<ChangeEvent>> {
    this.done = true;
    this.pending = [];
    this.wake?.();
    this.feed.remove(this);
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<ChangeEvent>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  /**
   * The feed read up to `head`: wake a waiting consumer; one that has fallen too far behind is
   * ended at once (its place in the feed freed) and told through `onBehind`.
   */
  advanced(head: number, queueMax: number): void {
    this.wake?.();
    const behind = head - Math.max(this.cursor, this.start);
    if (behind > queueMax && !this.done) {
      void this.return();
      this.request.onBehind(behind);
    }
  }
}
