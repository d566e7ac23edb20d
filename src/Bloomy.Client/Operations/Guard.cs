namespace Bloomy.Client.Operations;

/// <summary>Argument checks shared by the operations; they run before any request (and before <c>users/mine</c>).</summary>
internal static class Guard
{
    /// <summary>The [PY] message for todo, issue and scorecard lists (backticks included).</summary>
    public const string BothIdsMessage = "Please provide either `user_id` or `meeting_id`, not both.";

    /// <summary>The [PY] message for headline lists (no backticks).</summary>
    public const string BothIdsHeadlineMessage = "Please provide either user_id or meeting_id, not both.";

    public static void Id(long value, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a positive integer.");
        }
    }

    public static void OptionalId(long? value, string paramName)
    {
        if (value.HasValue)
        {
            Id(value.Value, paramName);
        }
    }

    public static void Title(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{paramName} cannot be null.");
        }

        if (value.Trim().Length == 0)
        {
            throw new ArgumentException($"{paramName} cannot be empty.", paramName);
        }
    }

    /// <summary>A title that may be omitted (updates) but not blank when given.</summary>
    public static void OptionalTitle(string? value, string paramName)
    {
        if (value is not null && value.Trim().Length == 0)
        {
            throw new ArgumentException($"{paramName} cannot be empty.", paramName);
        }
    }

    /// <summary>The arguments of a list that is a user's or a meeting's: not both, and each given id positive.</summary>
    public static void UserOrMeeting(long? userId, long? meetingId, string bothMessage = BothIdsMessage)
    {
        if (userId.HasValue && meetingId.HasValue)
        {
            // No parameter name: the [PY] message already names both, and stays exact this way.
            throw new ArgumentException(bothMessage);
        }
        OptionalId(userId, nameof(userId));
        OptionalId(meetingId, nameof(meetingId));
    }

    public static T NotNull<T>(T? value, string paramName)
        where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    /// <summary>Bulk per-item check: missing or null → "<c>field</c> is required".</summary>
    public static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new ArgumentException($"{field} is required");

    /// <summary>Bulk per-item check: null → "<c>field</c> is required" (empty strings pass here).</summary>
    public static string Required(string? value, string field) =>
        value ?? throw new ArgumentException($"{field} is required");
}
