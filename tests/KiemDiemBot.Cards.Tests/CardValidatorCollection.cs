namespace KiemDiemBot.Cards.Tests;

/// <summary>Tests that share one installed Node validator.</summary>
[CollectionDefinition(Name)]
public sealed class CardValidatorCollection : ICollectionFixture<CardValidatorFixture>
{
    public const string Name = "Card validator";
}
