namespace KiemDiemBot.Core.Members;

/// <summary>The rules' inputs for stored members.</summary>
public interface IMemberFactsSource
{
    /// <summary>One member's facts for the cycle of <paramref name="year"/>; null when there is no such member.</summary>
    Task<MemberRuleFacts?> FindAsync(Guid memberId, int year, CancellationToken cancellationToken);

    /// <summary>The facts of every member whose official cell is <paramref name="cellId"/>, by name.</summary>
    Task<IReadOnlyList<MemberRuleFacts>> ListByCellAsync(Guid cellId, int year, CancellationToken cancellationToken);
}
