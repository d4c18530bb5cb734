using KiemDiemBot.Core.Storage;
using Npgsql;

namespace KiemDiemBot.Core.Tests.Storage;

public class ConnectionStringTests
{
    [Fact]
    public void WithStatementReuse_OperatorSetNothing_PreparesStatementsAndKeepsThemAcrossPooledUses()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            StorageServiceCollectionExtensions.WithStatementReuse("Host=db;Database=kiemdiem;Username=bot"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void WithStatementReuse_OperatorChoseOtherwise_KeepsTheirChoice(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(StorageServiceCollectionExtensions.WithStatementReuse(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
