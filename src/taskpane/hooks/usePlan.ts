import { useCallback, useEffect, useMemo, useState } from "react";
import { chooseFramework, type FrameworkChoice } from "../../core/catalogue";
import { detectPlanIdentity, type PlanIdentity } from "../../core/plan/identity";
import type { PlanSettings } from "../../core/plan/settings";
import type { SchoolLevel } from "../../core/schoolLevel";
import type { HostAdapter } from "../../hosts/adapter";
import { useDocumentVersion } from "./useDocumentVersion";
import { errorMessage } from "../errors";
import { useStringsRef } from "./useStrings";

export interface PlanState {
  readonly status: "none" | "loading" | "ready" | "error";
  readonly readError: string | null;
  readonly identity: PlanIdentity | null;
  readonly stored: PlanSettings | null;
  /** The level in force: this session's pick, else the stored confirmation, else the detected one. */
  readonly level: SchoolLevel | null;
  readonly choice: FrameworkChoice | null;
  /** The stored confirmation matches what is in force. */
  readonly confirmed: boolean;
  readonly saving: boolean;
  readonly saveError: string | null;
  setLevel(level: SchoolLevel): void;
  setFramework(id: string): void;
  /** Stores the level and framework in the document (`frameworkId`: the one the user answered with). */
  confirm(frameworkId?: string): Promise<void>;
  reload(): void;
}

/** The plan's identity: read from the document through the adapter, confirmed by the user. */
export function usePlan(adapter: HostAdapter | null): PlanState {
  const strings = useStringsRef();
  const [status, setStatus] = useState<PlanState["status"]>(adapter ? "loading" : "none");
  const [readError, setReadError] = useState<string | null>(null);
  const [identity, setIdentity] = useState<PlanIdentity | null>(null);
  const [stored, setStored] = useState<PlanSettings | null>(null);
  const [pickedLevel, setPickedLevel] = useState<SchoolLevel | null>(null);
  const [pickedFramework, setPickedFramework] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const version = useDocumentVersion();

  useEffect(() => {
    if (!adapter) return;
    let cancelled = false;
    setStatus("loading");
    adapter.readPlanContext().then(
      (context) => {
        if (cancelled) return;
        setIdentity(detectPlanIdentity(context.paragraphs));
        setStored(context.settings);
        setReadError(null);
        setStatus("ready");
      },
      (error: unknown) => {
        if (cancelled) return;
        setReadError(errorMessage(error, strings.current));
        setStatus("error");
      }
    );
    return () => {
      cancelled = true;
    };
  }, [adapter, generation, version, strings]);

  const level = pickedLevel ?? stored?.level ?? identity?.level ?? null;
  const override =
    pickedFramework ?? (stored && stored.level === level ? stored.frameworkId : null);
  const choice = useMemo(
    () =>
      level
        ? chooseFramework({
            level,
            override,
            citedCirculars: identity?.citedCirculars ?? [],
            schoolYear: identity?.schoolYear ?? null,
            successorForm: identity?.successorForm ?? false,
            byDate: true,
          })
        : null,
    [level, override, identity]
  );
  const confirmed = Boolean(
    stored && choice && stored.level === level && stored.frameworkId === choice.framework.id
  );

  const setLevel = useCallback((next: SchoolLevel) => {
    setPickedLevel(next);
    setPickedFramework(null);
  }, []);

  const confirm = useCallback(
    async (frameworkId?: string) => {
      if (!adapter || !level || !choice) return;
      const settings: PlanSettings = {
        version: 1,
        level,
        frameworkId: frameworkId ?? choice.framework.id,
        schoolYear: identity?.schoolYear?.text ?? null,
      };
      if (frameworkId) setPickedFramework(frameworkId);
      setSaving(true);
      setSaveError(null);
      try {
        await adapter.writeSettings(settings);
        setStored(settings);
      } catch (error) {
        setSaveError(errorMessage(error, strings.current));
      } finally {
        setSaving(false);
      }
    },
    [adapter, level, choice, identity, strings]
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    status,
    readError,
    identity,
    stored,
    level,
    choice,
    confirmed,
    saving,
    saveError,
    setLevel,
    setFramework: setPickedFramework,
    confirm,
    reload,
  };
}
