using System.Globalization;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Roster.Import;

namespace KiemDiemBot.Bench;

/// <summary>
/// A large roster: a bloc committee over grassroots committees, each with its executive committee
/// and cells, the members spread evenly over the cells, each cell with a secretary and a deputy.
/// </summary>
internal static class BenchRoster
{
    private const int Grassroots = 20;
    private const int CellsPerGrassroots = 25;

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Quang", "Thu", "Đức", "Ngọc"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Nam", "Phúc", "Tâm", "Trang", "Tuấn"];

    public static IReadOnlyList<RosterSheetData> Build(int memberCount)
    {
        var organisations = new List<IReadOnlyList<RosterCellValue>> { Row("KHOI", "Đảng bộ Khối Các cơ quan tỉnh", "Đảng bộ cấp trên", "") };
        var cells = new List<string>();
        for (var g = 1; g <= Grassroots; g++)
        {
            var grassroots = Code("DB", g);
            organisations.Add(Row(grassroots, "Đảng bộ Sở số " + g, "Đảng bộ cơ sở", "KHOI"));
            organisations.Add(Row(grassroots + "-BCH", "Ban Chấp hành Đảng bộ Sở số " + g, "Ban Chấp hành", grassroots));
            for (var c = 1; c <= CellsPerGrassroots; c++)
            {
                var cell = grassroots + "-" + Code("CB", c);
                cells.Add(cell);
                organisations.Add(Row(cell, "Chi bộ Phòng " + c + " Sở số " + g, "Chi bộ trực thuộc", grassroots));
            }
        }
        var members = new List<IReadOnlyList<RosterCellValue>>();
        var positions = new List<IReadOnlyList<RosterCellValue>>();
        for (var i = 0; i < memberCount; i++)
        {
            var code = Code("DV", i + 1);
            var cell = cells[i % cells.Count];
            var name = $"{FamilyNames[i % FamilyNames.Length]} {MiddleNames[i / 10 % MiddleNames.Length]} {GivenNames[i / 70 % GivenNames.Length]}";
            members.Add(
            [
                code, name, code.ToLowerInvariant() + "@bench.kiemdiem.vn", new DateOnly(1960 + (i % 40), 1 + (i % 12), 1 + (i % 28)), cell, "",
                i % 17 == 0 ? "Dự bị" : "Chính thức", new DateOnly(2000 + (i % 21), 1 + (i % 12), 1 + (i % 28)),
                i % 101 == 0 ? "Miễn công tác và sinh hoạt đảng" : "Sinh hoạt bình thường",
                i % 199 == 0 ? "Khiển trách 15/03/2022" : "", i % 53 == 0 ? "Có" : "Không", "Có",
            ]);
            if (i < cells.Count)
            {
                positions.Add([code, cell, "Bí thư"]);
            }
            else if (i < 2 * cells.Count)
            {
                positions.Add([code, cell, "Phó Bí thư"]);
            }
        }
        return
        [
            RosterTemplate.Sheet(RosterTable.Organisations, organisations),
            RosterTemplate.Sheet(RosterTable.Members, members),
            RosterTemplate.Sheet(RosterTable.Positions, positions),
        ];
    }

    private static IReadOnlyList<RosterCellValue> Row(string code, string name, string kind, string parent) => [code, name, kind, parent];

    private static string Code(string prefix, int number) => prefix + number.ToString("D4", CultureInfo.InvariantCulture);
}
