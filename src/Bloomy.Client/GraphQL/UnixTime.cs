using System.Text.Json;

namespace Bloomy.Client.GraphQL;

// GraphQL timestamps are unix seconds (a Float) in UTC, in and out (bloom-graphql.md §4.3).
internal static class UnixTime
{
    private static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // An instant, to the millisecond.
    public static double ToUnixSeconds(DateTimeOffset instant) =>
        Math.Round((instant.UtcDateTime - Epoch.UtcDateTime).Ticks / (double)TimeSpan.TicksPerSecond, 3);

    // A date without a time: 00:00 UTC of that calendar date, whatever its Kind (a local date is not shifted).
    public static double DateToUnixSeconds(DateTime date) =>
        ToUnixSeconds(new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero));

    // A DateTime given by a user, which carries no offset: its wall-clock time taken as UTC (§4.3), so a bare
    // date (00:00) is that date at 00:00 UTC and the result does not depend on the machine's time zone.
    public static double FromUser(DateTime value) =>
        ToUnixSeconds(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero));

    public static DateTimeOffset FromUnixSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            throw new FormatException("A timestamp is not a finite number.");
        }
        return Epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond / 10000.0) * 10000);
    }

    // A timestamp field of a GraphQL object: null when absent or null; a number (integral or fractional).
    public static DateTimeOffset? Read(JsonElement owner, string property)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
        {
            throw new FormatException($"'{property}' is not a unix timestamp: {value.GetRawText()}.");
        }
        return FromUnixSeconds(seconds);
    }
}
