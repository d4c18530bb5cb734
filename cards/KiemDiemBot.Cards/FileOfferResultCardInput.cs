namespace KiemDiemBot.Cards;

/// <summary>How an offered file ended.</summary>
public enum FileOfferResult
{
    /// <summary>Saved in the member's OneDrive; the file card follows.</summary>
    Sent,

    /// <summary>The member declined it: nothing was sent.</summary>
    Declined,

    /// <summary>The member accepted it but the upload failed: nothing was sent.</summary>
    UploadFailed,
}

/// <summary>What the result card needs: how the offer ended.</summary>
public sealed record FileOfferResultCardInput(FileOfferResult Result);
