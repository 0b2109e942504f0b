/** A recording fake of the part of the Word API KHCT uses. */
import { FakeCollection, FakeContext, FakeKeyedItem, FakeObject } from "./recording";

export interface WordModel {
  paragraphs: string[];
  customProperties: Map<string, string>;
  /** The selection: a paragraph and a character span in it. */
  selection: { paragraph: number; start: number; end: number };
}

export function wordModel(paragraphs: string[] = []): WordModel {
  return { paragraphs, customProperties: new Map(), selection: { paragraph: 0, start: 0, end: 0 } };
}

class FakeParagraph extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly model: WordModel,
    private readonly index: number
  ) {
    super(context);
  }
  protected current(property: string): unknown {
    if (property === "text") return this.model.paragraphs[this.index];
    throw new Error(`fake: Paragraph.${property} not modelled`);
  }
  get text(): string {
    return this.read("text");
  }
}

class FakeRange {
  constructor(
    private readonly context: FakeContext,
    private readonly model: WordModel,
    private readonly span: { paragraph: number; start: number; end: number }
  ) {}
  insertText(text: string, location: "End" | "Start" | "Replace"): FakeRange {
    const span = { ...this.span };
    this.context.enqueue(() => {
      const paragraph = this.model.paragraphs[span.paragraph] ?? "";
      const at = location === "Start" ? span.start : span.end;
      const cutEnd = location === "Replace" ? span.end : at;
      const from = location === "Replace" ? span.start : at;
      this.model.paragraphs[span.paragraph] =
        paragraph.slice(0, from) + text + paragraph.slice(cutEnd);
      span.start = from;
      span.end = from + text.length;
    });
    return new FakeRange(this.context, this.model, span);
  }
  select(mode: "End" | "Start" | "Select" = "Select"): void {
    const span = this.span;
    this.context.enqueue(() => {
      const at = mode === "Start" ? span.start : span.end;
      this.model.selection =
        mode === "Select" ? { ...span } : { paragraph: span.paragraph, start: at, end: at };
    });
  }
}

export function fakeWordContext(model: WordModel) {
  const context = new FakeContext();
  const api = {
    sync: () => context.sync(),
    document: {
      body: {
        get paragraphs() {
          return new FakeCollection(context, () =>
            model.paragraphs.map((_, i) => new FakeParagraph(context, model, i))
          );
        },
      },
      properties: {
        customProperties: {
          getItemOrNullObject: (key: string) =>
            new FakeKeyedItem(context, model.customProperties, key),
          add: (key: string, value: string) =>
            context.enqueue(() => model.customProperties.set(key, value)),
        },
      },
      getSelection: () => new FakeRange(context, model, model.selection),
    },
  };
  return { context, api };
}

/** A Word.run that runs the batch against the model and records the context. */
export function fakeWordRun(model: WordModel) {
  const contexts: FakeContext[] = [];
  const run = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    const { context, api } = fakeWordContext(model);
    contexts.push(context);
    return batch(api as unknown as Word.RequestContext);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}
