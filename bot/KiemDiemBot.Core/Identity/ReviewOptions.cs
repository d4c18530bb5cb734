using System.Globalization;
using KiemDiemBot.Core.Members;

namespace KiemDiemBot.Core.Identity;

/// <summary>
/// The <c>Review</c> section of the settings: who administers the review beyond the posts the roster
/// gives, and whom a person who is not on the roster should ask.
/// </summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>The sign-in addresses of the administrators (<c>Review:AdminEmails:0</c>, ...), matched ignoring case.</summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary>
    /// Whom to ask when someone is not on any roster, as people should read it (a name, an office, an
    /// address). Empty: the not-on-roster card names the cell secretary and the roster keeper in general.
    /// </summary>
    public string? RosterContact { get; set; }

    /// <summary>The longest <see cref="RosterContact"/> a card shows.</summary>
    public const int RosterContactMaxLength = 300;

    /// <summary>
    /// The place name the forms print before their date (địa danh), e.g. "Hà Nội" for "Hà Nội, ngày 25 tháng 11
    /// năm 2022". Empty: a gap the member fills in by hand.
    /// </summary>
    public string? Place { get; set; }

    /// <summary>The longest <see cref="Place"/> a form prints.</summary>
    public const int PlaceMaxLength = 100;

    /// <summary>Every bad key, one line each naming it; empty when the section is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        for (var i = 0; i < AdminEmails.Count; i++)
        {
            if (!LooksLikeEmail(AdminEmails[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:{nameof(AdminEmails)}:{i} must be an e-mail address (name@domain)."));
            }
        }
        if (RosterContact is { Length: > RosterContactMaxLength })
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(RosterContact)} must be at most {RosterContactMaxLength} characters."));
        }
        if (Place is { Length: > PlaceMaxLength })
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(Place)} must be at most {PlaceMaxLength} characters."));
        }
        return errors;
    }

    /// <summary>Whether <paramref name="email"/> is one of <see cref="AdminEmails"/>, ignoring case and surrounding spaces.</summary>
    public bool IsAdmin(string? email)
    {
        var key = Member.ToEmailKey(email);
        return key is not null && AdminEmails.Any(admin => Member.ToEmailKey(admin) == key);
    }

    private static bool LooksLikeEmail(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1;
    }
}
