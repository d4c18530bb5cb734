using System.Diagnostics;
using System.Globalization;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Bench;

/// <summary>
/// Self-review .docx: time and memory to render DOCUMENTS filled reviews (<see cref="BenchSelfReview"/>), first one
/// after another on one thread (as one export job would), then on every core. The reviews are built before the
/// clock starts; the documents are rendered to bytes and dropped, as a job hands each one on. CPU is the process's
/// processor time over the run: on a busy machine it tells the cost apart from the waiting.
/// </summary>
internal static class DocxExportBench
{
    public static void Run(int documents)
    {
        var reviews = Enumerable.Range(0, documents).Select(BenchSelfReview.Build).ToArray();
        foreach (var review in reviews)
        {
            Render(review);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; {documents} documents of a leader and civil servant with every section filled; all rendered once first as warm-up (JIT tiering)."));
        Console.WriteLine($"{"run",-12} {"total",9} {"CPU",9} {"docs/s",8} {"p50",8} {"p99",8} {"max",8} {"allocated",11} {"per doc",9} {"avg size",9} {"peak heap",10} {"peak WS",9} {"GCs 0/1/2",11}");
        Measure("1 thread", reviews, parallel: false);
        Measure($"{Environment.ProcessorCount} threads", reviews, parallel: true);
    }

    private static void Measure(string label, SelfReviewView[] reviews, bool parallel)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var latencies = new double[reviews.Length];
        long bytes = 0;
        long peakHeap = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        if (parallel)
        {
            Parallel.For(0, reviews.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var (size, elapsed) = Render(reviews[i]);
                latencies[i] = elapsed;
                Interlocked.Add(ref bytes, size);
                UpdateMax(ref peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            });
        }
        else
        {
            for (var i = 0; i < reviews.Length; i++)
            {
                var (size, elapsed) = Render(reviews[i]);
                latencies[i] = elapsed;
                bytes += size;
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            }
        }
        var total = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-12} {total.TotalSeconds,7:F2} s {cpu.TotalSeconds,7:F2} s {reviews.Length / total.TotalSeconds,8:F0} {Percentile(latencies, 0.50),5:F1} ms {Percentile(latencies, 0.99),5:F1} ms {latencies[^1],5:F1} ms {allocated / 1048576.0,7:F0} MiB {allocated / 1024.0 / reviews.Length,5:F0} KiB {bytes / 1024.0 / reviews.Length,5:F1} KiB {peakHeap / 1048576.0,6:F0} MiB {process.PeakWorkingSet64 / 1048576.0,5:F0} MiB {GC.CollectionCount(0) - gen0,5}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
    }

    private static (long Size, double Milliseconds) Render(SelfReviewView review)
    {
        var started = Stopwatch.GetTimestamp();
        var content = SelfReviewDocument.Render(new SelfReviewDocumentInput(review, "Hà Nội", new DateOnly(2022, 11, 20)));
        return (content.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static void UpdateMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
