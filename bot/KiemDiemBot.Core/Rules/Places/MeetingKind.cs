namespace KiemDiemBot.Core.Rules.Places;

/// <summary>Who chairs a review meeting depends on which bodies hold it.</summary>
public enum MeetingKind
{
    /// <summary>A cell or a party committee alone: its head (the secretary) chairs.</summary>
    PartyOrganisation,

    /// <summary>
    /// The party committee (or party group, party affairs committee) together with the leadership
    /// of the agency, unit or enterprise: the secretary and the head of the agency co-chair.
    /// </summary>
    JointLeadership,
}
