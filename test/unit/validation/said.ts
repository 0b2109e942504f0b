import { render } from "../../../src/core/messages";
import type { Finding } from "../../../src/core/validation/types";

/** Vietnamese letters with diacritics: the mark of a Vietnamese word left in an English text. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/**
 * Every finding is said as a message id: in Vietnamese exactly its message (what the CLI prints),
 * in English with no placeholder left and no Vietnamese word outside the document's own words
 * (quoted cells, criterion and standard labels, circular numbers, level names "Mức n", the form's
 * name "Biểu 2" and section names "Mục IV").
 */
export function expectSaidInBoth(findings: readonly Finding[]): void {
  for (const finding of findings) {
    expect({ rule: finding.rule, said: finding.said !== undefined }).toEqual({
      rule: finding.rule,
      said: true,
    });
    if (!finding.said) continue;
    expect(render(finding.said, "vi")).toBe(finding.message);
    const english = render(finding.said, "en");
    expect(english).not.toMatch(/\{/);
    const sentence = english
      .replace(/“[^”]*”/g, "")
      .replace(/\([^()]*\|[^()]*\)/g, "")
      .replace(/Tiêu (chí|chuẩn) [\d.]+/g, "")
      .replace(/Mức (\d|n)/g, "")
      .replace(/Mục [IVX]+/g, "")
      .replace(/Công văn \d+/g, "")
      .replace(/Biểu \d+/g, "")
      .replace(/\d+\/\d{4}\/TT-BGDĐT/g, "");
    expect({ id: finding.said.id, sentence }).toEqual({
      id: finding.said.id,
      sentence: expect.not.stringMatching(VIETNAMESE),
    });
  }
}
