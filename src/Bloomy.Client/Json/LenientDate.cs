using System.Globalization;

namespace Bloomy.Client.Json;

/// <summary>Lenient ISO-8601 date parsing and the due-date wire format.</summary>
internal static class LenientDate
{
    /// <summary>
    /// Parses "2024-12-31", "2024-06-17T00:00:00", "...Z", "...+02:00", fractional seconds.
    /// Null, empty or blank → null. A zone designator gives a UTC <see cref="DateTime"/>, otherwise
    /// the kind is Unspecified. Text that is not a date → null (tolerance over failure).
    /// </summary>
    public static DateTime? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.Trim();
        if (s.Length == 0)
        {
            return null;
        }

        if (HasZoneDesignator(s))
        {
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)
                ? DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Utc)
                : null;
        }

        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt)
            ? DateTime.SpecifyKind(dt, DateTimeKind.Unspecified)
            : null;
    }

    /// <summary>"yyyy-MM-dd" for a date without a time of day, else "yyyy-MM-ddTHH:mm:ss" (+ "Z" for UTC).</summary>
    public static string FormatDueDate(DateTime value)
    {
        if (value.TimeOfDay == TimeSpan.Zero)
        {
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return value.Kind == DateTimeKind.Utc ? text + "Z" : text;
    }

    private static bool HasZoneDesignator(string s)
    {
        // The zone can only follow a time part: find the date/time separator first.
        var sep = s.IndexOfAny(new[] { 'T', 't', ' ' });
        if (sep < 0)
        {
            return false;
        }

        var time = s.Substring(sep + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase)
            || time.IndexOf('+') >= 0
            || time.IndexOf('-') >= 0;
    }
}
