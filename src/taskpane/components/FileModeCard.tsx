import * as React from "react";
import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { chooseFramework, circularName, frameworksForLevel } from "../../core/catalogue";
import { buildStandardPlan } from "../../core/document/standardPlan";
import {
  SCHOOL_LEVEL_NAME,
  SCHOOL_LEVELS,
  isSchoolLevel,
  type SchoolLevel,
} from "../../core/schoolLevel";
import { parseSchoolYear } from "../../core/text/schoolYear";
import type { FileDocument } from "../../hosts/file/fileDocument";
import { currentSchoolYear, downloadBytes } from "../download";
import { errorMessage } from "../errors";
import { useStrings } from "../hooks/useStrings";
import { format } from "../strings";

/** The file adapter and writers, loaded only when a file is used (exceljs is large). */
const loadFileMode = () =>
  import(/* webpackChunkName: "file-mode" */ "../../hosts/file/fileDocument");

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  hidden: { display: "none" },
});

/** The largest file the pane reads (as LIMITS.fileBytes of the file reader, kept out of the start-up bundle). */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface FileModeCardProps {
  readonly file: FileDocument | null;
  readonly onFile: (file: FileDocument | null) => void;
  /** The plan's level when known (default for a new sample plan). */
  readonly level: SchoolLevel | null;
}

/** Outside Office: open a .docx/.xlsx, download what KHCT changed, or make a sample plan. */
export function FileModeCard({ file, onFile, level }: FileModeCardProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [, setVersion] = React.useState(0);
  React.useEffect(() => file?.subscribe(() => setVersion((v) => v + 1)), [file]);

  const open = async (chosen: File | undefined) => {
    if (!chosen) return;
    setError(null);
    // Refused by its size before it is read into memory (the reader's own bound is the same).
    if (chosen.size > MAX_FILE_BYTES) {
      setError(format(s.fileOpenError, { name: chosen.name, message: s.fileTooBig }));
      if (input.current) input.current.value = "";
      return;
    }
    setBusy(true);
    try {
      const { openFileDocument } = await loadFileMode();
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      onFile(await openFileDocument(chosen.name, bytes));
    } catch (e) {
      setError(format(s.fileOpenError, { name: chosen.name, message: errorMessage(e, s) }));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  const changed = file?.current().changed ?? false;
  // What was downloaded: the file's change count then (a later change makes it unsaved again).
  const [downloadedAt, setDownloadedAt] = React.useState<number | null>(null);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const unsaved = file !== null && changed && downloadedAt !== file.changeCount();
  const download = async () => {
    if (!file) return;
    const { MIME } = await loadFileMode();
    downloadBytes(file.downloadName(), file.current().data, MIME[file.kind]);
    setDownloadedAt(file.changeCount());
  };
  const close = () => {
    setConfirmClose(false);
    setDownloadedAt(null);
    onFile(null);
  };
  // Reloading or closing the page with changes not downloaded: the browser asks first.
  React.useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return (
    <Card className={styles.card} aria-label={s.fileTitle}>
      <Subtitle2 as="h2">{s.fileTitle}</Subtitle2>
      {!file && <Caption1>{s.fileIntro}</Caption1>}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".docx,.xlsx,.doc,.htm,.html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.fileChoose}
        onChange={(e) => void open(e.target.files?.[0])}
      />
      <div className={styles.row}>
        <Button
          appearance={file ? "secondary" : "primary"}
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {s.fileChoose}
        </Button>
        {file && (
          <Button appearance="subtle" onClick={() => (unsaved ? setConfirmClose(true) : close())}>
            {s.fileClose}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={s.fileOpening} />}
      </div>
      {confirmClose && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{s.fileUnsavedClose}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={close}>
              {s.fileCloseAnyway}
            </Button>
            <Button size="small" appearance="primary" onClick={() => setConfirmClose(false)}>
              {s.fileStay}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {file && (
        <>
          <Caption1>{format(s.fileOpened, { name: file.name })}</Caption1>
          {file.convertedFrom === "html" && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{s.fileFromHtml}</MessageBarBody>
            </MessageBar>
          )}
          <Caption1>{changed ? s.fileChanged : s.fileUnchanged}</Caption1>
          {changed && (
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void download()}>
                {s.fileDownload}
              </Button>
            </div>
          )}
        </>
      )}
      <NewPlanForm level={level} />
    </Card>
  );
}

function NewPlanForm({ level }: { readonly level: SchoolLevel | null }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [picked, setPicked] = React.useState<SchoolLevel>(level ?? "tieu-hoc");
  const [year, setYear] = React.useState(() => currentSchoolYear(new Date()));
  const [error, setError] = React.useState<string | null>(null);
  const [frameworkId, setFrameworkId] = React.useState<string | null>(null);
  const parsed = parseSchoolYear(year);
  // The circular a plan of that year would be read with (TT57 from 2026-2027), unless one is picked.
  const offered = frameworksForLevel(picked);
  const framework =
    offered.find((f) => f.id === frameworkId) ??
    chooseFramework({ level: picked, schoolYear: parsed, byDate: true }).framework;

  const make = async (kind: "docx" | "xlsx") => {
    if (!parsed) return;
    setError(null);
    try {
      const { standardPlanFile, MIME } = await loadFileMode();
      const model = buildStandardPlan({ level: picked, year: parsed, framework });
      downloadBytes(
        `ke-hoach-cai-tien-${picked}-${parsed.text}.${kind}`,
        await standardPlanFile(model, kind),
        MIME[kind]
      );
    } catch (e) {
      setError(format(s.newPlanError, { message: errorMessage(e, s) }));
    }
  };

  return (
    <details>
      <summary>{s.newPlanTitle}</summary>
      <Caption1>{s.newPlanHelp}</Caption1>
      <div className={styles.row}>
        <Field label={s.newPlanLevel}>
          <Select value={picked} onChange={(_, d) => isSchoolLevel(d.value) && setPicked(d.value)}>
            {SCHOOL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {SCHOOL_LEVEL_NAME[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={s.newPlanYear}
          validationState={parsed ? "none" : "error"}
          validationMessage={parsed ? undefined : s.newPlanYearInvalid}
        >
          <Input value={year} onChange={(_, d) => setYear(d.value)} size="small" />
        </Field>
      </div>
      <Field label={s.newPlanFramework}>
        <Select value={framework.id} onChange={(_, d) => setFrameworkId(d.value)}>
          {offered.map((f) => (
            <option key={f.id} value={f.id}>
              {f.planForm
                ? format(s.newPlanCircularForm, {
                    circular: circularName(f),
                    form: f.planForm.name,
                  })
                : format(s.newPlanStandardForm, { circular: circularName(f) })}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button disabled={!parsed} onClick={() => void make("docx")}>
          {s.newPlanDocx}
        </Button>
        <Button disabled={!parsed} onClick={() => void make("xlsx")}>
          {s.newPlanXlsx}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </details>
  );
}
