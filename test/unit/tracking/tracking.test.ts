import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { layoutById } from "../../../src/core/plan/layouts";
import { analyseTables } from "../../../src/core/plan/session";
import { gridFromStrings } from "../../../src/core/plan/table";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { isOverdue, parseProgress, timeframeEnd } from "../../../src/core/tracking/progress";
import {
  monitoringReport,
  myRows,
  reportRows,
  trackedRows,
} from "../../../src/core/tracking/report";
import { involves, peopleIn, staffList, staffOf, withRole } from "../../../src/core/tracking/staff";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const HEADER = layoutById("progress").columns.map((c) => c.header);

describe("progress and overdue", () => {
  it.each([
    ["Đã hoàn thành", "done"],
    ["Hoàn thành", "done"],
    ["Đã thực hiện xong", "done"],
    ["Đang thực hiện", "in-progress"],
    ["50%", "in-progress"],
    ["Đã thực hiện một phần", "in-progress"],
    ["Chưa thực hiện", "not-started"],
    ["", "not-started"],
    ["Xem ghi chú", null],
  ])("%j is %s", (text, status) => expect(parseProgress(text)).toBe(status));

  it.each([
    ["Tháng 10/2025", "2025-10-31"],
    ["Từ tháng 9 đến tháng 12", "2025-12-31"],
    ["Trong năm học 2025-2026", "2026-05-31"],
    ["Học kỳ I", "2026-01-31"],
    ["Năm 2026", "2026-12-31"],
    ["Thường xuyên", null],
  ])("%j ends %s", (text, end) => expect(timeframeEnd(text, year)).toBe(end));

  it("is overdue only when the end has passed and the work is not done", () => {
    expect(isOverdue("in-progress", "2025-10-31", "2025-11-23")).toBe(true);
    expect(isOverdue("done", "2025-10-31", "2025-11-23")).toBe(false);
    expect(isOverdue("not-started", "2025-12-31", "2025-11-23")).toBe(false);
    expect(isOverdue("not-started", null, "2025-11-23")).toBe(false);
  });
});

describe("staff named in the plan", () => {
  it("reads roles and names the way plans write them", () => {
    expect(peopleIn("Phó hiệu trưởng, các tổ chuyên môn")).toEqual([
      { role: "Phó hiệu trưởng", name: null },
      { role: "Tổ chuyên môn", name: null },
    ]);
    expect(peopleIn("Hiệu trưởng chủ trì; phối hợp: cô Lan, Kế toán")).toEqual(
      expect.arrayContaining([
        { role: "Hiệu trưởng", name: null },
        { role: null, name: "cô Lan" },
        { role: "Kế toán", name: null },
      ])
    );
    expect(peopleIn("Hiệu trưởng\nKế toán")).toEqual([
      { role: "Hiệu trưởng", name: null },
      { role: "Kế toán", name: null },
    ]);
    expect(peopleIn("Phó hiệu trưởng Trần Văn Minh")).toEqual([
      { role: "Phó hiệu trưởng", name: "Trần Văn Minh" },
    ]);
  });

  it("finds a person by full name (a given name written alone counts) or by role", () => {
    expect(involves("Hiệu trưởng, cô Lan", { name: "Nguyễn Thị Lan" })).toBe(true);
    expect(involves("Hiệu trưởng, cô Hoa", { name: "Nguyễn Thị Lan" })).toBe(false);
    expect(involves("Tổng phụ trách Đội", { role: "Tổng phụ trách Đội" })).toBe(true);
    expect(involves("Phó hiệu trưởng", { role: "Hiệu trưởng" })).toBe(false);
  });

  it("counts who leads or joins how many rows, seniority first", () => {
    const staff = staffOf(["Hiệu trưởng, Kế toán", "Kế toán", "Phó hiệu trưởng"]);
    expect(staff.map((s) => [s.person.role, s.rows])).toEqual([
      ["Hiệu trưởng", 1],
      ["Phó hiệu trưởng", 1],
      ["Kế toán", 2],
    ]);
  });
});

describe("tracking rows and the monitoring report", () => {
  const grid = gridFromStrings([
    HEADER,
    [
      "1",
      "Tiêu chí 1.2",
      "1",
      "Họp hội đồng trường",
      "Tháng 10/2025",
      "Hiệu trưởng",
      "Đã hoàn thành",
      "Có biên bản",
      "",
    ],
    [
      "1",
      "Tiêu chí 1.4",
      "2",
      "Sinh hoạt chuyên môn",
      "Tháng 10/2025",
      "Phó hiệu trưởng, cô Lan",
      "Đang thực hiện",
      "",
      "",
    ],
    [
      "3",
      "Tiêu chí 3.3",
      "3",
      "Xây phòng nghệ thuật",
      "Tháng 5/2026",
      "Hiệu trưởng",
      "Chưa thực hiện",
      "",
      "",
    ],
  ]);
  const tables = analyseTables([{ key: "t", where: "Bảng 1", grid }], tt17);
  const rows = trackedRows(tables, year, "2025-11-23");

  it("reads each task with its status, end and overdue", () => {
    expect(rows.map((r) => [r.label, r.status, r.end, r.overdue])).toEqual([
      ["Tiêu chí 1.2", "done", "2025-10-31", false],
      ["Tiêu chí 1.4", "in-progress", "2025-10-31", true],
      ["Tiêu chí 3.3", "not-started", "2026-05-31", false],
    ]);
    expect(rows[0]).toMatchObject({ progressCol: 6, resultCol: 7, result: "Có biên bản" });
  });

  it("lists my rows", () => {
    expect(myRows(rows, { name: "Nguyễn Thị Lan" }).map((r) => r.label)).toEqual(["Tiêu chí 1.4"]);
    expect(myRows(rows, { role: "Hiệu trưởng" }).map((r) => r.label)).toEqual([
      "Tiêu chí 1.2",
      "Tiêu chí 3.3",
    ]);
    expect(myRows(rows, {})).toEqual([]);
  });

  it("reports per standard and overall, as rows for the document", () => {
    const report = monitoringReport(rows, "2025-11-23");
    expect(
      report.lines.map((l) => [l.name, l.rows, l.done, l.inProgress, l.notStarted, l.overdue])
    ).toEqual([
      ["Tiêu chuẩn 1", 2, 1, 1, 0, 1],
      ["Tiêu chuẩn 3", 1, 0, 0, 1, 0],
    ]);
    expect(report.total).toMatchObject({ rows: 3, done: 1, overdue: 1 });
    expect(reportRows(report).at(-1)).toEqual(["Cả kế hoạch", "3", "1", "1", "1", "1", ""]);
  });
});

describe("the staff list kept in the document", () => {
  const tables = analyseTables(
    [
      {
        key: "ds",
        where: "Bảng 2",
        grid: gridFromStrings([
          ["TT", "Họ và tên", "Chức vụ"],
          ["1", "Trần Văn Minh", "Phó hiệu trưởng"],
          ["2", "Nguyễn Thị Lan", "Tổ trưởng chuyên môn khối 3"],
        ]),
      },
    ],
    tt17
  );

  it("is recognised as a staff table and read as names with roles", () => {
    expect(tables[0]?.kind).toBe("staff");
    expect(staffList(tables)).toEqual([
      { name: "Trần Văn Minh", role: "Phó hiệu trưởng" },
      { name: "Nguyễn Thị Lan", role: "Tổ trưởng chuyên môn khối 3" },
    ]);
  });

  it("gives a person the role the list says, so rows given to the role are theirs too", () => {
    const staff = staffList(tables);
    expect(withRole({ name: "nguyen thi lan" }, staff)).toEqual({
      name: "nguyen thi lan",
      role: "Tổ trưởng chuyên môn",
    });
    expect(withRole({ name: "Ai Đó" }, staff)).toEqual({ name: "Ai Đó" });
    expect(involves("Tổ trưởng chuyên môn", withRole({ name: "Nguyễn Thị Lan" }, staff))).toBe(
      true
    );
  });
});
