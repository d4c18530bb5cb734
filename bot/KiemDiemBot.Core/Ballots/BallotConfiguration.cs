using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiemDiemBot.Core.Ballots;

internal sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.SubjectKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.ChannelId).HasMaxLength(64);
        builder.Property(b => b.ConversationId).HasMaxLength(512);
        builder.HasIndex(b => new { b.ChannelId, b.ConversationId, b.State });
        builder.HasIndex(b => new { b.CycleId, b.BodyId });
        builder.HasOne<ReviewCycle>().WithMany().HasForeignKey(b => b.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(b => b.PreviousBallotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotSubjectConfiguration : IEntityTypeConfiguration<BallotSubject>
{
    public void Configure(EntityTypeBuilder<BallotSubject> builder)
    {
        builder.HasKey(s => new { s.BallotId, s.SubjectId });
        builder.Property(s => s.HighestAllowed).HasConversion<short>();
        builder.Property(s => s.Outcome).HasConversion<short?>();
        builder.Property(s => s.CapReasons).HasMaxLength(4000);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(s => s.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BallotVoterConfiguration : IEntityTypeConfiguration<BallotVoter>
{
    public void Configure(EntityTypeBuilder<BallotVoter> builder)
    {
        builder.HasKey(v => new { v.BallotId, v.MemberId });
        builder.HasOne<Ballot>().WithMany().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BallotCounterConfiguration : IEntityTypeConfiguration<BallotCounter>
{
    public void Configure(EntityTypeBuilder<BallotCounter> builder)
    {
        builder.HasKey(c => new { c.BallotId, c.SubjectId, c.Choice, c.Source });
        builder.Property(c => c.Source).HasConversion<short>();
        builder.HasOne<Ballot>().WithMany().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}
