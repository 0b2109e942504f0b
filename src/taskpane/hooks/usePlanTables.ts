import { useCallback, useEffect, useMemo, useState } from "react";
import type { Framework } from "../../core/catalogue";
import { analyseTables, type AnalysedTable } from "../../core/plan/session";
import type { DocumentTable, PlanTableHost } from "../../hosts/adapter";
import { useDocumentVersion } from "./useDocumentVersion";
import { errorMessage } from "../errors";
import { useStringsRef } from "./useStrings";

export interface PlanTablesState {
  readonly status: "none" | "loading" | "ready" | "error";
  readonly error: string | null;
  readonly tables: readonly AnalysedTable[];
  reload(): void;
}

/** The document's tables, read through the host and recognised by the core. */
export function usePlanTables(host: PlanTableHost | null, framework: Framework): PlanTablesState {
  const strings = useStringsRef();
  const [found, setFound] = useState<DocumentTable[]>([]);
  const [status, setStatus] = useState<PlanTablesState["status"]>(host ? "loading" : "none");
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const version = useDocumentVersion();

  useEffect(() => {
    if (!host) return;
    let cancelled = false;
    setStatus("loading");
    host.readTables().then(
      (tables) => {
        if (cancelled) return;
        setFound(tables);
        setStatus("ready");
        setError(null);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(errorMessage(e, strings.current));
        setStatus("error");
      }
    );
    return () => {
      cancelled = true;
    };
  }, [host, generation, version, strings]);

  const tables = useMemo(() => analyseTables(found, framework), [found, framework]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { status, error, tables, reload };
}
