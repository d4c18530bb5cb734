using KiemDiemBot.Core.Rules.Eligibility;

namespace KiemDiemBot.Core.Tests.Rules;

/// <summary>An ordinary official member in work, admitted years ago, with the residence comment in.</summary>
internal static class MemberFactsBuilder
{
    public static readonly DateOnly MeetingDate = new(2022, 11, 25);

    public static MemberFacts Official() => new(
        Guid.NewGuid(),
        MembershipKind.Official,
        PartyActivityStatus.Active,
        AdmittedOn: new DateOnly(2010, 5, 19),
        SuspendedFromCommittee: false,
        ActsTemporarilyElsewhere: false,
        TemporaryCellCommentReceived: false,
        IsWorking: true,
        ResidenceCommentExemption.None,
        ResidenceCommentReceived: true);
}
