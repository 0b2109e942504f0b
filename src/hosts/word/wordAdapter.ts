/**
 * Word adapter. Settings live in a custom document property (WordApi 1.3): part of the document,
 * synced by co-authoring like any text, unlike content controls (they break real-time
 * co-authoring on the web), custom XML parts (silently fail on the web) or Word add-in settings
 * (a co-author's change crashed the other user's add-in).
 */
import { parseSettings, serializeSettings, SETTINGS_KEY } from "../../core/plan/settings";
import type { BatchRunner, HostAdapter, InsertResult, PlanContext } from "../adapter";

export function createWordAdapter(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch)
): HostAdapter {
  return {
    kind: "word",

    readPlanContext(): Promise<PlanContext> {
      return run(async (context) => {
        const paragraphs = context.document.body.paragraphs.load("items/text");
        const stored =
          context.document.properties.customProperties.getItemOrNullObject(SETTINGS_KEY);
        stored.load("value");
        await context.sync();
        return {
          paragraphs: paragraphs.items.map((p) => p.text),
          settings: stored.isNullObject ? null : parseSettings(stored.value),
        };
      });
    },

    writeSettings(settings): Promise<void> {
      return run(async (context) => {
        context.document.properties.customProperties.add(SETTINGS_KEY, serializeSettings(settings));
        await context.sync();
      });
    },

    insertAtSelection(text): Promise<InsertResult> {
      return run(async (context) => {
        // "End": after what the user selected, so a selection is never replaced.
        const inserted = context.document.getSelection().insertText(text, "End");
        inserted.select("End");
        await context.sync();
        return { ok: true, where: "selection" };
      });
    },
  };
}
