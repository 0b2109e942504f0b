/**
 * A recording fake of the Office.js request model, faithful where KHCT relies on it:
 * - a property read before it was loaded *and* synced throws, as office.js does;
 * - writes and method side effects are queued and reach the document model only at sync;
 * - every context.sync() is counted, so tests can assert how many an operation needs.
 * office-addin-mock enforces load/sync order too but counts nothing, hence this fake.
 */
export class FakeContext {
  syncCount = 0;
  private queue: (() => void)[] = [];
  /** A sync that would fail in Office (e.g. a request too large); set by a test. */
  failNextSync: Error | null = null;

  enqueue(operation: () => void): void {
    this.queue.push(operation);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const operations = this.queue;
    this.queue = [];
    if (this.failNextSync) {
      const error = this.failNextSync;
      this.failNextSync = null;
      throw error;
    }
    for (const operation of operations) operation();
  }
}

export class NotLoadedError extends Error {
  constructor(property: string) {
    super(
      `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    );
  }
}

/** An object of the request model: `load` names properties; `snapshot` is what sync copied. */
export abstract class FakeObject {
  private readonly snapshot = new Map<string, unknown>();

  constructor(protected readonly context: FakeContext) {}

  /** Reads the live value of a property from the document model. */
  protected abstract current(property: string): unknown;

  load(spec?: string | string[]): this {
    const properties = (Array.isArray(spec) ? spec : (spec ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.context.enqueue(() => {
      for (const property of properties) {
        const [head, ...rest] = property.split("/");
        if (head === "items" && rest.length > 0) {
          for (const item of this.loadedItems()) item.markLoaded(rest.join("/"));
        } else if (head) {
          this.markLoaded(head);
        }
      }
    });
    return this;
  }

  markLoaded(property: string): void {
    this.snapshot.set(property, this.current(property));
  }

  protected loadedItems(): FakeObject[] {
    return [];
  }

  protected read<T>(property: string): T {
    if (!this.snapshot.has(property)) throw new NotLoadedError(property);
    return this.snapshot.get(property) as T;
  }
}

/** A `...OrNullObject` result: isNullObject is known only after sync. */
export abstract class FakeNullable extends FakeObject {
  private nullKnown = false;
  private nullValue = false;

  constructor(context: FakeContext) {
    super(context);
    context.enqueue(() => {
      this.nullKnown = true;
      this.nullValue = !this.exists();
    });
  }

  protected abstract exists(): boolean;

  get isNullObject(): boolean {
    if (!this.nullKnown) throw new NotLoadedError("isNullObject");
    return this.nullValue;
  }
}

/** A collection (paragraphs, worksheets…): its items are fixed at the sync that loads it, as in Office. */
export class FakeCollection<T extends FakeObject> extends FakeObject {
  private items_: T[] = [];

  constructor(
    context: FakeContext,
    private readonly makeItems: () => T[]
  ) {
    super(context);
  }

  override load(spec?: string | string[]): this {
    this.context.enqueue(() => this.fill());
    return super.load(spec);
  }

  /** Takes the items as they are now (what a sync that loads the collection does). */
  fill(): void {
    this.items_ = this.makeItems();
    this.markLoaded("items");
  }

  protected override loadedItems(): FakeObject[] {
    return this.items_;
  }

  protected current(property: string): unknown {
    if (property === "items") return true;
    throw new Error(`fake: collection.${property} not modelled`);
  }

  get items(): T[] {
    this.read("items");
    return this.items_;
  }
}

/** An item of a keyed store (custom properties, settings) got with getItemOrNullObject(key). */
export class FakeKeyedItem<V> extends FakeNullable {
  constructor(
    context: FakeContext,
    private readonly store: Map<string, V>,
    private readonly itemKey: string
  ) {
    super(context);
  }

  protected exists(): boolean {
    return this.store.has(this.itemKey);
  }

  protected current(property: string): unknown {
    if (property === "value") return this.store.get(this.itemKey);
    if (property === "key") return this.itemKey;
    throw new Error(`fake: item.${property} not modelled`);
  }

  get value(): V {
    return this.read("value");
  }

  get key(): string {
    return this.read("key");
  }

  /** Deleting a null object does nothing, as in Office. */
  delete(): void {
    this.context.enqueue(() => this.store.delete(this.itemKey));
  }
}

/** A keyed store as a collection whose items have `key` (custom properties, settings). */
export function keyedCollection<V>(context: FakeContext, store: Map<string, V>) {
  const collection = new FakeCollection(context, () =>
    [...store.keys()].map((key) => new FakeKeyedItem(context, store, key))
  );
  return Object.assign(collection, {
    getItemOrNullObject: (key: string) => new FakeKeyedItem(context, store, key),
    add: (key: string, value: V) => context.enqueue(() => store.set(key, value)),
  });
}

/** Event handlers of a document: registered and removed at sync, as in Office. */
/** One registration (the same function registered on two events is two registrations). */
export interface ChangeHandler {
  readonly fn: (event: {
    source: "Local" | "Remote";
    type?: string;
    /** Excel's WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): "ThisLocalAddin" for the add-in's own changes. */
    triggerSource?: string;
  }) => unknown;
}

export function fakeEvent(context: FakeContext, handlers: Set<ChangeHandler>) {
  return {
    add(fn: ChangeHandler["fn"]) {
      const entry: ChangeHandler = { fn };
      context.enqueue(() => handlers.add(entry));
      return {
        context,
        remove: () => context.enqueue(() => handlers.delete(entry)),
      };
    },
  };
}

/** What a co-author (or the user) does: every registered handler hears it. */
export async function emitChange(
  handlers: Set<ChangeHandler>,
  source: "Local" | "Remote",
  triggerSource?: string
): Promise<void> {
  await Promise.all(
    [...handlers].map((h) => h.fn({ source, ...(triggerSource ? { triggerSource } : {}) }))
  );
}

/** An Office API error with its code, as OfficeExtension.Error carries it (`code`, e.g. "InvalidArgument"). */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/**
 * Office raises its change events for the add-in's own writes too (Word's paragraph events carry
 * no author; Excel's worksheet event says triggerSource "ThisLocalAddin" from ExcelApi 1.14). When
 * asked (`raise`), a sync that changed the document (its `signature` differs) is followed by a
 * Local change event to every handler, as Office delivers them: after the sync resolves.
 */
export function raisingChanges(
  context: FakeContext,
  signature: () => string,
  handlers: () => Set<ChangeHandler> | undefined,
  triggerSource?: string
): void {
  const sync = context.sync.bind(context);
  context.sync = async () => {
    const before = signature();
    await sync();
    if (signature() !== before) {
      const all = handlers();
      if (all) setTimeout(() => void emitChange(all, "Local", triggerSource), 0);
    }
  };
}
