/**
 * Office errors reach the user by their code, in Vietnamese, with what to do (issue 17): never
 * Office's bare English "GeneralException".
 */
import { describeError, officeErrorCode } from "../../../src/hosts/officeErrors";

const officeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("Office error messages", () => {
  it("a known code: what happened and what to do, with the code for whoever helps", () => {
    expect(
      describeError(
        officeError(
          "InvalidOperationInCellEditMode",
          "The operation is not available in cell edit mode"
        )
      )
    ).toBe(
      "Excel đang ở chế độ sửa một ô: nhấn Enter (hoặc Esc) để ra khỏi ô rồi thử lại. (mã lỗi Office: InvalidOperationInCellEditMode)"
    );
    for (const code of [
      "ItemNotFound",
      "InvalidArgument",
      "GeneralException",
      "NotImplemented",
      "ApiNotFound",
      "RequestPayloadSizeLimitExceeded",
    ])
      expect(describeError(officeError(code, "Some English words here"))).toMatch(
        new RegExp(`^[^a-z]*[A-ZĐ][^]*: [^]*\\(mã lỗi Office: ${code}\\)$`)
      );
    expect(describeError(officeError("GeneralException"))).not.toMatch(/^GeneralException/);
  });

  it("an unknown code keeps Office's words and the code; KHCT's own errors keep their Vietnamese message", () => {
    expect(describeError(officeError("SomethingNew", "A new failure"))).toBe(
      "Office báo lỗi SomethingNew: A new failure."
    );
    expect(describeError(new Error("Bảng vừa được thay đổi."))).toBe("Bảng vừa được thay đổi.");
    expect(describeError("chuỗi")).toBe("chuỗi");
    expect(officeErrorCode({ code: 42 })).toBeNull();
    expect(officeErrorCode(null)).toBeNull();
  });

  it("speaks English for the pane's English, keeping the code", () => {
    expect(describeError(officeError("InvalidOperationInCellEditMode"), "en")).toBe(
      "Excel is editing a cell: press Enter (or Esc) to leave the cell, then try again. (Office error code: InvalidOperationInCellEditMode)"
    );
    expect(describeError(officeError("SomethingNew", "A new failure"), "en")).toBe(
      "Office reported SomethingNew: A new failure."
    );
  });
});
