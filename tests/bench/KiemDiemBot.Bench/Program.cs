using System.Globalization;
using KiemDiemBot.Bench;

// Benchmarks of Core's bulk work, in Release:
//   dotnet run -c Release --project tests/bench/KiemDiemBot.Bench [-- [roster] MEMBERS]  roster import (the default)
//   dotnet run -c Release --project tests/bench/KiemDiemBot.Bench -- docx [DOCUMENTS]     self-review .docx (1,000)
//   dotnet run -c Release --project tests/bench/KiemDiemBot.Bench -- ranking-list [MEMBERS]  ranking list .xlsx (10,000)
var mode = args.Length > 0 && !int.TryParse(args[0], CultureInfo.InvariantCulture, out _) ? args[0] : "roster";
var count = args.SkipWhile(arg => arg == mode).Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).FirstOrDefault();
switch (mode)
{
    case "roster":
        await RosterImportBench.RunAsync(count > 0 ? count : 10_000);
        return 0;
    case "docx":
        DocxExportBench.Run(count > 0 ? count : 1_000);
        return 0;
    case "ranking-list":
        await RankingListBench.RunAsync(count > 0 ? count : 10_000);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{mode}': use 'roster', 'docx' or 'ranking-list'.");
        return 2;
}
