namespace Bloomy.Client;

/// <summary>
/// The item asked for does not exist or is not visible to the caller. GraphQL answers a by-id read of such an item
/// with <c>null</c> and no error (HTTP 200); this exception names the item instead.
/// </summary>
public class BloomyNotFoundException : BloomyApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="subject">The item, as a user would name it (for example "to-do 123").</param>
    /// <param name="method">The HTTP method of the request that looked for it.</param>
    /// <param name="path">The request, as shown in events (for example <c>graphql/ todo</c>).</param>
    public BloomyNotFoundException(string subject, string method, string path)
        : base(BloomyFailureKind.HttpStatus, $"{subject} was not found: it does not exist or is not visible to you.", method, path)
    {
        Subject = subject ?? string.Empty;
    }

    /// <summary>The item that was not found, as a user would name it (for example "to-do 123").</summary>
    public string Subject { get; }
}
