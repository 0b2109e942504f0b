import { useCallback, useState } from "react";
import type { InsertOptions, InsertResult } from "../../hosts/adapter";
import { useStrings } from "./useStrings";
import { errorMessage } from "../errors";
import { format } from "../strings";

export type Inserter = (text: string, options?: InsertOptions) => Promise<InsertResult>;

export interface InsertStatus {
  readonly intent: "success" | "warning" | "error";
  readonly text: string;
  /** Offered when the target cell is occupied: append after the user's confirmation. */
  readonly append?: () => void;
}

/** Inserting into the document, with a status message in the user's language. */
export function useInsert(insert: Inserter | null): {
  status: InsertStatus | null;
  run: (text: string) => void;
  busy: boolean;
} {
  const s = useStrings();
  const [status, setStatus] = useState<InsertStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    function perform(text: string, options?: InsertOptions): void {
      if (!insert) {
        // No document to insert into (outside Office, or a file): copy, for pasting where it goes.
        const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
        if (!clipboard?.writeText) {
          setStatus({ intent: "warning", text: s.insertNeedsOffice });
          return;
        }
        clipboard.writeText(text).then(
          () => setStatus({ intent: "success", text: format(s.copyDone, { text }) }),
          () => setStatus({ intent: "warning", text: s.insertNeedsOffice })
        );
        return;
      }
      setBusy(true);
      insert(text, options)
        .then((result) => {
          if (result.ok)
            setStatus({
              intent: "success",
              text: format(s.insertDone, {
                where: result.where === "selection" ? s.insertAtCursor : result.where,
              }),
            });
          else if (result.reason === "occupied") {
            setStatus({
              intent: "warning",
              text: format(s.insertOccupied, { where: result.where }),
              append: () => perform(text, { append: true }),
            });
          } else
            setStatus({ intent: "error", text: format(s.insertFormula, { where: result.where }) });
        })
        .catch((error: unknown) =>
          setStatus({
            intent: "error",
            text: format(s.insertError, { message: errorMessage(error, s) }),
          })
        )
        .finally(() => setBusy(false));
    },
    [insert, s]
  );

  return { status, run, busy };
}
