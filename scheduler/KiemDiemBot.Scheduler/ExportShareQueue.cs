using Hangfire;
using KiemDiemBot.Core.Exports;

namespace KiemDiemBot.Scheduler;

/// <summary>The <see cref="IExportShareQueue"/> as a Hangfire job: ids in, the upload and the link out of the turn.</summary>
public sealed class ExportShareQueue(IBackgroundJobClient jobs) : IExportShareQueue
{
    public void Enqueue(ExportShareRequest request, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        jobs.Enqueue<ShareExportJob>(job => job.RunAsync(request.Kind, request.SubjectId, request.BodyId, request.RequesterId, requestId, CancellationToken.None));
    }
}
