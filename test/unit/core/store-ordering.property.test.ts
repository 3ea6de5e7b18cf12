import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConnectionStore } from '../../../src/core/store';
import type { ConnectionStore } from '../../../src/core/store';
import type { Connection, ConnectionStatus } from '../../../src/core/types';
import { createFakeAdapter, flush, makeConnection } from './fake-adapter';
import type { FakeAdapter } from './fake-adapter';

/* -------------------------------------------------------------------------------------------------
 * Property: whatever the interleaving, the store shows the newest information
 *
 * The model keeps, per connection, the information with the latest "time of knowledge": a list
 * answer knows the world as it was when its request began (an id it leaves out is gone), a pushed
 * update or a flow's result as it was when it arrived. List requests are answered out of order
 * and fail at random; credentials flows start, succeed, fail and get cancelled in between, and
 * the late answer of a cancelled flow, like a flow's failure that may not be final, starts a list
 * request of its own.
 * -----------------------------------------------------------------------------------------------*/

const IDS = ['a', 'b', 'c', 'd'] as const;
type Id = (typeof IDS)[number];
const STATUSES: ConnectionStatus[] = ['connected', 'authorization_required', 'backfilling', 'error'];

interface Knowledge {
  time: number;
  /** `null`: known to be gone. */
  value: Connection | null;
}

interface Model {
  time: number;
  version: number;
  known: Map<string, Knowledge>;
  /** List requests not answered yet: when each began and which adapter call it is. */
  pendingLists: { time: number; call: number }[];
  appliedListTime: number;
  /** When the newest failed list request began: an older answer landing later keeps its error. */
  failedListTime: number;
  listSucceeded: boolean;
  errorShown: boolean;
  /** Running credentials flows: which adapter call each is waiting on. */
  flows: Map<string, number>;
  /** Adapter calls of cancelled flows whose answer may still come. */
  cancelledCalls: number[];
}

interface Real {
  fake: FakeAdapter;
  store: ConnectionStore;
  promises: Map<string, Promise<Connection>>;
}

function nextValue(model: Model, id: string, status: ConnectionStatus): Connection {
  model.version += 1;
  const base = makeConnection({ id, status, accountName: `${id} v${model.version}`, authMethod: 'credentials', category: 'crm' });
  return status === 'error' ? { ...base, error: { message: 'Sync failed' } } : base;
}

function learn(model: Model, id: string, knowledge: Knowledge): void {
  const current = model.known.get(id);
  if (!current || knowledge.time > current.time) model.known.set(id, knowledge);
}

/** The visible state must equal the model after every step. */
async function check(model: Model, real: Real): Promise<void> {
  await flush();
  const state = real.store.getState();
  const expected = [...model.known.values()]
    .map((k) => k.value)
    .filter((value): value is Connection => value !== null)
    .sort((x, y) => x.id.localeCompare(y.id));
  const shown = [...state.connections].sort((x, y) => x.id.localeCompare(y.id));
  expect(shown).toEqual(expected);
  expect(new Set(state.connections.map((c) => c.id)).size).toBe(state.connections.length);
  expect(state.status).toBe(model.listSucceeded ? 'ready' : model.errorShown ? 'error' : 'loading');
  expect(state.error !== null).toBe(model.errorShown);
  expect(state.isRefreshing).toBe(model.pendingLists.length > 0);
  for (const id of IDS) expect(real.store.getFlow(id).phase === 'completing').toBe(model.flows.has(id));
}

/* -- commands ------------------------------------------------------------------------------------ */

class StartList implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.pendingLists.length < 5;
  async run(model: Model, real: Real): Promise<void> {
    model.time += 1;
    model.pendingLists.push({ time: model.time, call: real.fake.lists.length });
    void real.store.refresh();
    await check(model, real);
  }
  toString = () => 'startList';
}

class AnswerList implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly entries: { id: Id; status: ConnectionStatus }[],
    readonly fail: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.pendingLists.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const [request] = model.pendingLists.splice(this.pick % model.pendingLists.length, 1);
    const { answer } = real.fake.list(request!.call);
    const newest = request!.time > model.appliedListTime;
    if (this.fail) {
      answer.reject(new Error('HTTP 503'));
      if (newest) {
        model.errorShown = true;
        model.failedListTime = Math.max(model.failedListTime, request!.time);
      }
    } else {
      const values = this.entries.map(({ id, status }) => nextValue(model, id, status));
      answer.resolve(values);
      if (newest) {
        model.appliedListTime = request!.time;
        model.listSucceeded = true;
        model.errorShown = model.failedListTime > request!.time;
        for (const id of IDS) learn(model, id, { time: request!.time, value: values.find((v) => v.id === id) ?? null });
      }
    }
    await check(model, real);
  }
  toString = () => `answerList(#${this.pick}, ${this.fail ? 'fails' : JSON.stringify(this.entries)})`;
}

class Push implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly id: Id,
    readonly status: ConnectionStatus,
  ) {}
  check = () => true;
  async run(model: Model, real: Real): Promise<void> {
    const value = nextValue(model, this.id, this.status);
    model.time += 1;
    learn(model, this.id, { time: model.time, value });
    real.fake.push(value);
    await check(model, real);
  }
  toString = () => `push(${this.id}, ${this.status})`;
}

class StartFlow implements fc.AsyncCommand<Model, Real> {
  constructor(readonly id: Id) {}
  check = (model: Readonly<Model>) => (model.known.get(this.id)?.value ?? null) !== null;
  async run(model: Model, real: Real): Promise<void> {
    const calls = real.fake.submissions.length;
    const promise = real.store.reauthorize(this.id, { credentials: { password: 'hunter2' } });
    promise.catch(() => {});
    if (model.flows.has(this.id)) {
      // Joins the flow already running: no second adapter call, the same promise.
      expect(real.fake.submissions.length).toBe(calls);
      expect(promise).toBe(real.promises.get(this.id));
    } else {
      expect(real.fake.submissions.length).toBe(calls + 1);
      model.flows.set(this.id, calls);
      real.promises.set(this.id, promise);
    }
    await check(model, real);
  }
  toString = () => `startFlow(${this.id})`;
}

class AnswerFlow implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly status: ConnectionStatus,
    readonly fail: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.flows.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const ids = [...model.flows.keys()].sort();
    const id = ids[this.pick % ids.length]!;
    const { answer } = real.fake.submission(model.flows.get(id)!);
    model.flows.delete(id);
    if (this.fail) {
      // An error that does not say it is final leaves the grant in doubt: the store asks for
      // the list again, as of now.
      const listCall = real.fake.lists.length;
      answer.reject(new Error('HTTP 502'));
      model.time += 1;
      model.pendingLists.push({ time: model.time, call: listCall });
      await check(model, real);
      expect(real.fake.lists).toHaveLength(listCall + 1);
      return;
    }
    const value = nextValue(model, id, this.status);
    answer.resolve(value);
    model.time += 1;
    learn(model, id, { time: model.time, value });
    await check(model, real);
  }
  toString = () => `answerFlow(#${this.pick}, ${this.fail ? 'fails' : this.status})`;
}

class CancelFlow implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.flows.size > 0;
  async run(model: Model, real: Real): Promise<void> {
    const ids = [...model.flows.keys()].sort();
    const id = ids[this.pick % ids.length]!;
    const call = model.flows.get(id)!;
    model.flows.delete(id);
    model.cancelledCalls.push(call);
    real.store.cancelReauthorize(id);
    expect(real.fake.submission(call).signal.aborted).toBe(true);
    await check(model, real);
  }
  toString = () => `cancelFlow(#${this.pick})`;
}

class LateAnswerToCancelledFlow implements fc.AsyncCommand<Model, Real> {
  constructor(readonly status: ConnectionStatus) {}
  check = (model: Readonly<Model>) => model.cancelledCalls.length > 0;
  async run(model: Model, real: Real): Promise<void> {
    const call = model.cancelledCalls.shift()!;
    const { connection, answer } = real.fake.submission(call);
    const listCall = real.fake.lists.length;
    // Never applied: the flow it belonged to is over. But the server may have kept the login,
    // so the abandoned call settling makes the store ask for the list again.
    answer.resolve({ ...connection, status: this.status, accountName: 'late' });
    model.time += 1;
    model.pendingLists.push({ time: model.time, call: listCall });
    await check(model, real);
    expect(real.fake.lists).toHaveLength(listCall + 1);
  }
  toString = () => `lateAnswer(${this.status})`;
}

/* -- the property -------------------------------------------------------------------------------- */

const id = fc.constantFrom(...IDS);
const status = fc.constantFrom(...STATUSES);
const entries = fc.uniqueArray(fc.record({ id, status }), { selector: (entry) => entry.id, maxLength: IDS.length });

const commands = fc.commands(
  [
    fc.constant(new StartList()),
    fc.tuple(fc.nat(), entries, fc.boolean()).map(([pick, answer, fail]) => new AnswerList(pick, answer, fail)),
    fc.tuple(id, status).map(([which, to]) => new Push(which, to)),
    id.map((which) => new StartFlow(which)),
    fc.tuple(fc.nat(), status, fc.boolean()).map(([pick, to, fail]) => new AnswerFlow(pick, to, fail)),
    fc.nat().map((pick) => new CancelFlow(pick)),
    status.map((to) => new LateAnswerToCancelledFlow(to)),
  ],
  { maxCommands: 40 },
);

describe('given any interleaving of list answers, pushes and credentials flows', () => {
  it('always shows the newest information about every connection', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const fake = createFakeAdapter();
        const store = createConnectionStore(fake.adapter, { retry: false, refreshOnFocus: false, refreshOnReconnect: false, onError: () => {} });
        const release = store.retain();
        const model: Model = {
          time: 1,
          version: 0,
          known: new Map(),
          pendingLists: [{ time: 1, call: 0 }],
          appliedListTime: 0,
          failedListTime: 0,
          listSucceeded: false,
          errorShown: false,
          flows: new Map(),
          cancelledCalls: [],
        };
        try {
          await fc.asyncModelRun(() => ({ model, real: { fake, store, promises: new Map() } }), cmds);
        } finally {
          release();
        }
      }),
      { numRuns: 300 },
    );
  });
});
