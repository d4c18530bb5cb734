namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>Over which group the excellence cap is counted; the groups themselves are data.</summary>
public enum ExcellenceCapScope
{
    /// <summary>The whole grassroots party organisation (đảng bộ cơ sở or chi bộ cơ sở): HD21, members.</summary>
    GrassrootsOrganisation,

    /// <summary>A category of collectives managed at the same level: HD21, collectives.</summary>
    CollectiveCategory,

    /// <summary>A group of subjects with a similar role, set by the deciding level: 2023 onward.</summary>
    SimilarRoleGroup,
}
