/** `khct catalogue`: the catalogue of one framework, as text or JSON. */
import {
  circularName,
  counts,
  defaultFramework,
  formatDate,
  frameworkById,
  frameworksForLevel,
  levelIndicators,
  indicatorChanges,
  changeNote,
} from "../core/catalogue";
import type { Framework } from "../core/catalogue";
import { SCHOOL_LEVEL_NAME, SCHOOL_LEVELS, isSchoolLevel } from "../core/schoolLevel";
import { UsageError, type CommandResult } from "./usage";

export interface CatalogueOptions {
  readonly level?: string;
  readonly framework?: string;
  readonly json?: boolean;
}

export function catalogueJson(framework: Framework): unknown {
  return {
    framework: {
      id: framework.id,
      circular: framework.circular,
      issuedDate: framework.issuedDate,
      title: framework.title,
      schoolLevels: framework.schoolLevels,
      amendedBy: framework.amendedBy,
      supersededBy: framework.supersededBy,
      verified: framework.verified,
      textVersion: framework.textVersion,
      gaps: framework.gaps,
    },
    counts: counts(framework),
    standards: framework.standards.map((standard) => ({
      id: standard.id,
      title: standard.title,
      criteria: standard.criteria.map((criterion) => ({
        id: criterion.id,
        title: criterion.title,
        maxLevel: criterion.maxLevel,
        ...(criterion.mandatory !== undefined ? { mandatory: criterion.mandatory } : {}),
        levels: {
          1: criterion.levels[1],
          2: criterion.levels[2],
          3: levelIndicators(criterion, 3),
        },
        amendment: criterion.amendment,
        ...(criterion.changes ? { changes: criterion.changes } : {}),
        ...(criterion.flags ? { flags: criterion.flags } : {}),
      })),
    })),
    level4: framework.level4,
  };
}

export function catalogueText(framework: Framework): string {
  const c = counts(framework);
  const lines: string[] = [];
  lines.push(
    `${circularName(framework)} ngày ${formatDate(framework.issuedDate)}${framework.annex ? `, Phụ lục ${framework.annex}` : ""}`
  );
  lines.push(framework.title);
  lines.push(`Cấp học: ${framework.schoolLevels.map((l) => SCHOOL_LEVEL_NAME[l]).join("; ")}`);
  lines.push(
    `${c.standards} tiêu chuẩn, ${c.criteria} tiêu chí; Mức 3: ${c.criteriaAtLevel[3]} tiêu chí; Mức 4: ${c.level4 === null ? "chưa rõ" : c.level4}`
  );
  if (
    framework.amendedBy.length > 0 &&
    framework.standards.every((s) => s.criteria.every((cr) => cr.amendment === null))
  ) {
    lines.push(
      `Lưu ý: nội dung sửa đổi của Thông tư ${framework.amendedBy.join(", ")} chưa có nguyên văn; các chỉ báo là văn bản gốc.`
    );
  }
  if (!framework.verified)
    lines.push("Lưu ý: nội dung lấy từ bản chép lại, chưa đối chiếu với văn bản chính thức.");
  for (const standard of framework.standards) {
    lines.push("", `Tiêu chuẩn ${standard.id}: ${standard.title}`);
    for (const criterion of standard.criteria) {
      lines.push(
        `  Tiêu chí ${criterion.id}: ${criterion.title}${criterion.mandatory ? " (bắt buộc)" : ""}`
      );
      for (const level of [1, 2, 3] as const) {
        const indicators = levelIndicators(criterion, level);
        if (!indicators) continue;
        lines.push(`    Mức ${level}:`);
        for (const indicator of indicators)
          lines.push(
            `      ${indicator.key ? `${indicator.key}) ` : ""}${indicator.text}${indicatorChanges(
              criterion,
              level,
              indicator.key
            )
              .map((c) => ` [${changeNote(c)}]`)
              .join("")}`
          );
      }
    }
  }
  lines.push("", "Tiêu chí Mức 4:");
  if (framework.level4 === null) lines.push("  (khung tiêu chí này không có Mức 4)");
  else if (framework.level4.count === null)
    lines.push("  (số lượng và nguyên văn chưa có trong dữ liệu)");
  else
    for (const l4 of framework.level4.criteria)
      lines.push(`  Tiêu chí ${l4.id}: ${l4.text ?? "(chưa có nguyên văn)"}`);
  return lines.join("\n") + "\n";
}

export function runCatalogue(options: CatalogueOptions): CommandResult {
  let framework: Framework | undefined;
  if (options.framework) {
    framework = frameworkById(options.framework);
    if (!framework)
      throw new UsageError(
        `Không có khung tiêu chí “${options.framework}”. Có: ${frameworkIds()}.`
      );
    if (
      options.level &&
      isSchoolLevel(options.level) &&
      !framework.schoolLevels.includes(options.level)
    ) {
      throw new UsageError(
        `${circularName(framework)} không áp dụng cho cấp ${options.level}. Khung của cấp này: ${frameworksForLevel(
          options.level
        )
          .map((f) => f.id)
          .join(", ")}.`
      );
    }
  } else {
    if (!options.level) throw new UsageError(`Thiếu --level (${SCHOOL_LEVELS.join(" | ")}).`);
    if (!isSchoolLevel(options.level))
      throw new UsageError(
        `Cấp học “${options.level}” không hợp lệ; dùng ${SCHOOL_LEVELS.join(" | ")}.`
      );
    framework = defaultFramework(options.level);
  }
  return {
    exitCode: 0,
    stdout: options.json
      ? JSON.stringify(catalogueJson(framework), null, 2) + "\n"
      : catalogueText(framework),
  };
}

function frameworkIds(): string {
  return SCHOOL_LEVELS.flatMap((l) => frameworksForLevel(l).map((f) => f.id))
    .filter((id, i, all) => all.indexOf(id) === i)
    .join(", ");
}
