using System.Globalization;
using System.Management.Automation;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Reads a date given as text the same way in every culture. PowerShell binds a cmdlet's DateTime parameter
/// with the current culture, so under th-TH '2026-12-01' is read in the Buddhist calendar (Gregorian 1483) and
/// under ar-SA it is refused. An ISO 8601 date (2026-12-01, 2026-12-01T09:30, 2026-12-01T09:30:00Z, with an
/// offset) is read with the invariant culture and the Gregorian calendar; other text must match one of the
/// patterns the current culture writes dates in (so a CSV file that Export-Csv wrote in this culture reads back),
/// or the invariant culture's (12/01/2026). A blank string (an empty CSV cell) means "not given" and becomes null; a
/// DateTime, or anything that is not text, is left as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DateTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>The ISO 8601 forms, read with the invariant culture whatever the current one.</summary>
    internal static readonly string[] IsoFormats =
    {
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    };

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        try
        {
            return TransformCore(inputData);
        }
        catch (ArgumentTransformationMetadataException ex) when (ReportedByRow && PipelineBridge.IsBindingPipelineInput())
        {
            // PowerShell would write this error at once, ahead of the rows before it still in flight: leave the
            // parameter unbound instead, and the row cmdlet reports the cell in input order.
            return new UnusableCell(inputData, ex.Message);
        }
    }

    /// <summary>
    /// Set on the optional by-property-name parameters of row cmdlets (<see cref="UnusableCells"/>), which report an
    /// unusable cell for its row themselves, in input order.
    /// </summary>
    public bool ReportedByRow { get; set; }

    private object? TransformCore(object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text ? Parse(text) : inputData;
    }

    /// <summary>The date <paramref name="text"/> stands for; null when it is blank.</summary>
    /// <exception cref="ArgumentTransformationMetadataException">The text is not a date.</exception>
    internal static DateTime? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        if (DateTime.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso))
        {
            return iso;
        }
        // Not ISO: exactly as this culture writes dates (Export-Csv's own cells), with its own calendar; then the
        // invariant way (12/01/2026). Exact patterns only: a lenient parse would take '2001.5' for May 2001.
        foreach (var culture in new[] { CultureInfo.CurrentCulture, CultureInfo.InvariantCulture })
        {
            var patterns = culture.DateTimeFormat.GetAllDateTimePatterns();
            if (DateTime.TryParseExact(trimmed, patterns, culture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                return local;
            }
            // A DateTimeOffset cell (Milestone.DueDate, MetricScore.PeriodDate) is written as the culture's date and
            // time followed by its offset ("1/2/2027 00:00:00 +00:00"): the instant it names, in UTC.
            if (DateTimeOffset.TryParseExact(trimmed, Array.ConvertAll(patterns, p => p + " zzz"), culture, DateTimeStyles.AllowWhiteSpaces, out var instant))
            {
                return instant.UtcDateTime;
            }
        }
        throw new ArgumentTransformationMetadataException(
            $"'{text}' is not a date: give it as yyyy-MM-dd (such as 2026-12-01), optionally with a time (2026-12-01T09:30), or as a DateTime.");
    }
}
