/**
 * Search over criteria ids, titles and indicator texts, ignoring case, diacritics and đ/d:
 * "thu vien" finds 3.6 Thư viện, "an ninh" finds 1.10. Every word of the query must occur; the
 * last may be the start of a word (search as you type). Titles rank above indicators.
 */
import { fold } from "../text/fold";
import { parseCriterionRef } from "./reference";
import type { Criterion, Framework, Indicator, LevelNumber, Standard } from "./types";

export interface SearchHit {
  readonly framework: Framework;
  readonly standard: Standard;
  readonly criterion: Criterion;
  readonly score: number;
  /** Where the best match is. */
  readonly field: "id" | "title" | "indicator";
  readonly level?: LevelNumber;
  readonly indicator?: Indicator;
}

interface Entry {
  readonly framework: Framework;
  readonly standard: Standard;
  readonly criterion: Criterion;
  /** " folded words " with a space at both ends, for whole-word tests. */
  readonly title: string;
  readonly indicators: readonly {
    readonly level: LevelNumber;
    readonly indicator: Indicator;
    readonly text: string;
  }[];
  readonly all: string;
}

export interface SearchOptions {
  /** Only these frameworks (default: every framework of the index). */
  readonly frameworkIds?: readonly string[];
  readonly limit?: number;
}

const pad = (text: string) => ` ${fold(text)} `;

function contains(haystack: string, token: string, prefix: boolean): boolean {
  return haystack.includes(prefix ? ` ${token}` : ` ${token} `);
}

export class SearchIndex {
  private readonly entries: Entry[];

  constructor(frameworks: readonly Framework[]) {
    this.entries = frameworks.flatMap((framework) =>
      framework.standards.flatMap((standard) =>
        standard.criteria.map((criterion) => {
          const indicators = ([1, 2, 3] as const).flatMap((level) =>
            (criterion.levels[level] ?? []).map((indicator) => ({
              level,
              indicator,
              text: pad(indicator.text),
            }))
          );
          const title = pad(criterion.title);
          return {
            framework,
            standard,
            criterion,
            title,
            indicators,
            all: title + indicators.map((i) => i.text).join(""),
          };
        })
      )
    );
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    const scope = options.frameworkIds;
    const entries = scope
      ? this.entries.filter((e) => scope.includes(e.framework.id))
      : this.entries;
    const folded = fold(query);
    if (!folded) return [];

    // A reference ("1.10", "TC 1.10", "tiêu chí 1.10") finds that criterion first.
    const ref = parseCriterionRef(query);
    const refId = ref.ok && ref.ref.kind === "criterion" && ref.rest === "" ? ref.ref.id : null;

    const tokens = folded.split(" ");
    const hits: SearchHit[] = [];
    for (const entry of entries) {
      if (refId !== null) {
        if (entry.criterion.id === refId)
          hits.push({ ...this.base(entry), score: 1000, field: "id" });
        continue;
      }
      const hit = this.score(entry, folded, tokens);
      if (hit) hits.push(hit);
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  private base(entry: Entry) {
    return { framework: entry.framework, standard: entry.standard, criterion: entry.criterion };
  }

  private score(entry: Entry, phrase: string, tokens: readonly string[]): SearchHit | null {
    const last = tokens.length - 1;
    const allIn = (haystack: string) => tokens.every((t, i) => contains(haystack, t, i === last));
    if (!allIn(entry.all)) return null;
    const phraseIn = (haystack: string) => contains(haystack, phrase, true);
    if (phraseIn(entry.title))
      return {
        ...this.base(entry),
        score: 100 + (entry.title.startsWith(` ${phrase}`) ? 10 : 0),
        field: "title",
      };
    if (allIn(entry.title)) return { ...this.base(entry), score: 60, field: "title" };
    let best: SearchHit | null = null;
    for (const item of entry.indicators) {
      const score = phraseIn(item.text) ? 30 : allIn(item.text) ? 15 : 0;
      if (score > (best?.score ?? 0))
        best = {
          ...this.base(entry),
          score,
          field: "indicator",
          level: item.level,
          indicator: item.indicator,
        };
    }
    // Words spread over the title and several indicators still match, lowest.
    return best ?? { ...this.base(entry), score: 5, field: "indicator" };
  }
}
