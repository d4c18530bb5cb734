using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>Roster members as the identity resolver would hand them to a turn.</summary>
public static class FlowTestMembers
{
    public static readonly Guid CellId = Guid.Parse("c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8");

    public static TurnMember An { get; } =
        new(Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "Trần Văn An", "an.tv@example.vn", CellId, []);

    public static TurnMember Binh { get; } =
        new(Guid.Parse("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"), "Lê Thị Bình", "binh.lt@example.vn", CellId, []);
}
