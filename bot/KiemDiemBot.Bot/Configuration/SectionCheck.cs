using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// The <c>Turns</c> and <c>Review</c> sections checked at the start with the others: bound key by key (an unknown
/// key or a value of the wrong type named) and validated, each problem naming its key.
/// </summary>
internal static partial class SectionCheck
{
    public static void Turns(IConfigurationSection section, ICollection<string> problems)
    {
        var turns = SettingsBinder.Bind<TurnPipelineOptions>(section, problems);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(turns, new ValidationContext(turns), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var message = (result.ErrorMessage ?? "is not valid").TrimEnd('.');
            // Data annotations say "The field Lanes must be ..."; the operator needs the key.
            problems.Add(message.StartsWith(TurnPipelineOptions.SectionName + ":", StringComparison.Ordinal)
                ? message
                : FieldPrefix().Replace(message, $"{TurnPipelineOptions.SectionName}:$1 "));
        }
    }

    public static void Review(IConfigurationSection section, ICollection<string> problems)
    {
        var review = SettingsBinder.Bind<ReviewOptions>(section, problems);
        foreach (var problem in review.Validate())
        {
            problems.Add(problem.TrimEnd('.'));
        }
    }

    [GeneratedRegex(@"^The field (\w+) ", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPrefix();
}
