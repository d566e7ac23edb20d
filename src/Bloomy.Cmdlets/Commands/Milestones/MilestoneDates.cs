namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>A due date as users give it (a DateTime from -DueDate or a CSV cell) to the instant GraphQL is sent.</summary>
internal static class MilestoneDates
{
    // bloom-graphql.md §4.3: a time with no offset is taken as UTC, so a bare date is 00:00 UTC of that day whatever
    // the machine's time zone; a UTC time stays as it is.
    internal static DateTimeOffset ToUtc(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified), TimeSpan.Zero);
}
