using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Reviews;

/// <summary>The parts of the 2022 self-review form (Mẫu 02), in the form's order.</summary>
public enum SelfReviewSection
{
    /// <summary>The identity block (họ tên, ngày sinh, chức vụ, đơn vị, chi bộ).</summary>
    Identity = 0,

    /// <summary>I. Ưu điểm, kết quả đạt được: graded items.</summary>
    Strengths = 1,

    /// <summary>II. Hạn chế, khuyết điểm và nguyên nhân.</summary>
    Shortcomings = 2,

    /// <summary>III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận: graded.</summary>
    Remedy = 3,

    /// <summary>IV. Giải trình các vấn đề được gợi ý kiểm điểm: only when the cycle has suggestions for the member.</summary>
    Explanations = 4,

    /// <summary>V. Làm rõ trách nhiệm cá nhân đối với hạn chế, khuyết điểm của tập thể: leaders only.</summary>
    CollectiveShare = 5,

    /// <summary>VI. Phương hướng, biện pháp khắc phục.</summary>
    Measures = 6,

    /// <summary>VII. Tự nhận mức xếp loại chất lượng: not for members admitted under six months.</summary>
    ProposedLevel = 7,
}

/// <summary>The graded items of section I (DOMAIN.md B2.1); items 3 to 5 are for members with a leadership post.</summary>
public enum StrengthItem
{
    /// <summary>1. Tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tác phong, lề lối làm việc.</summary>
    PoliticalQuality = 1,

    /// <summary>2. Việc thực hiện chức trách, nhiệm vụ được giao (a political-task criterion).</summary>
    Duties = 2,

    /// <summary>3. (Leaders) Kết quả lãnh đạo, chỉ đạo, quản lý, điều hành; tổ chức thực hiện nhiệm vụ của đơn vị; đoàn kết.</summary>
    Leadership = 3,

    /// <summary>4. (Leaders) Tinh thần trách nhiệm; năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm.</summary>
    Responsibility = 4,

    /// <summary>5. (Leaders) Nêu gương; phòng, chống tham nhũng, tiêu cực, lãng phí; uy tín.</summary>
    Example = 5,

    /// <summary>The last item: thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm. Free text, graded like the others.</summary>
    Commitment = 6,
}

/// <summary>A free-text answer with the member's self-grade (null until given).</summary>
public sealed record GradedAnswer(string? Text, CriterionGrade? Grade);

/// <summary>The identity block, prefilled from the roster and editable by the member.</summary>
public sealed record SelfReviewIdentity(
    string FullName,
    DateOnly? DateOfBirth,
    string? PartyPost,
    string? GovernmentPost,
    string? MassOrganisationPost,
    string? WorkUnit,
    string CellName);

/// <summary>
/// Everything the member wrote: the self-review itself, stored in the domain (versioned), never only in flow
/// state. Every text is at most <see cref="MaxTextLength"/> characters. Null means not answered yet.
/// </summary>
public sealed record SelfReviewAnswers
{
    /// <summary>The longest text any one answer may have; the cards state it.</summary>
    public const int MaxTextLength = 4000;

    public SelfReviewIdentity? Identity { get; init; }

    /// <summary>Section I, one entry per item that applies to the member.</summary>
    public IReadOnlyDictionary<StrengthItem, GradedAnswer> Strengths { get; init; } = new Dictionary<StrengthItem, GradedAnswer>();

    /// <summary>II.1 Hạn chế, khuyết điểm.</summary>
    public string? Shortcomings { get; init; }

    /// <summary>II.2 Nguyên nhân.</summary>
    public string? Causes { get; init; }

    /// <summary>III, graded.</summary>
    public GradedAnswer? Remedy { get; init; }

    /// <summary>IV, when the cycle has review suggestions for the member.</summary>
    public string? Explanations { get; init; }

    /// <summary>V, leaders only.</summary>
    public string? CollectiveShare { get; init; }

    /// <summary>VI.</summary>
    public string? Measures { get; init; }

    /// <summary>VII.2 as a party member; never above what <see cref="LevelAdvice.Allowed"/> offers.</summary>
    public RankingLevel? ProposedLevel { get; init; }

    /// <summary>VII.1 as a cadre or civil servant, for members flagged as civil servants.</summary>
    public RankingLevel? ProposedCivilServantLevel { get; init; }

    /// <summary>After the meeting (hoàn thiện): the conclusions the member accepted (tiếp thu).</summary>
    public string? AcceptedConclusions { get; init; }
}
