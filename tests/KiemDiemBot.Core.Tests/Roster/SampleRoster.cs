using System.Text;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>
/// A small valid roster as CSV lines (a grassroots committee, two cells, the agency leadership,
/// two members, two posts), each test changing the lines it is about before writing it out.
/// </summary>
internal sealed class SampleRoster
{
    public const string OrganisationHeader = "Mã,Tên,Loại,Mã cấp trên";
    public const string MemberHeader =
        "Mã,Họ và tên,Email,Ngày sinh,Mã chi bộ,Mã chi bộ tạm thời,Loại đảng viên,Ngày vào Đảng,Trạng thái,Kỷ luật trong năm,Nghỉ ốm từ 3 tháng,Công chức";
    public const string PositionHeader = "Mã đảng viên,Mã tổ chức,Chức vụ";

    public List<string> Organisations { get; } =
    [
        OrganisationHeader,
        "DB01,Đảng bộ Sở Tư pháp,Đảng bộ cơ sở,",
        "CB01,Chi bộ Văn phòng,Chi bộ trực thuộc,DB01",
        "CB02,Chi bộ Nghiệp vụ,Chi bộ trực thuộc,DB01",
        "LD01,Lãnh đạo Sở Tư pháp,\"Lãnh đạo cơ quan, đơn vị\",DB01",
    ];

    public List<string> Members { get; } =
    [
        MemberHeader,
        "DV01,Nguyễn Văn An,an.nguyen@stp.gov.vn,19/05/1980,CB01,,Chính thức,02/09/2005,Sinh hoạt bình thường,,Không,Có",
        "DV02,Trần Thị Bình,binh.tran@stp.gov.vn,1990-03-08,CB02,CB01,Dự bị,15/02/2022,,,,",
    ];

    /// <summary>Null: the roster has no ChucVu table.</summary>
    public List<string>? Positions { get; set; } =
    [
        PositionHeader,
        "DV01,CB01,Bí thư",
        "DV01,LD01,Giám đốc",
    ];

    /// <summary>Writes ToChuc.csv, DangVien.csv and (when present) ChucVu.csv into a fresh folder.</summary>
    public TemporaryFolder WriteCsvFolder()
    {
        var folder = new TemporaryFolder();
        Write(folder.Path, "ToChuc.csv", Organisations);
        Write(folder.Path, "DangVien.csv", Members);
        if (Positions is not null)
        {
            Write(folder.Path, "ChucVu.csv", Positions);
        }
        return folder;
    }

    private static void Write(string folder, string name, IEnumerable<string> lines) =>
        File.WriteAllText(System.IO.Path.Combine(folder, name), string.Join("\n", lines) + "\n", new UTF8Encoding(false));
}
