using GraphQL;

namespace Bloomy.Emulator.GraphQL;

/// <summary>The server's error shapes (bloom-graphql §2, §17.4), for resolvers to throw or return.</summary>
public static class BloomErrors
{
    /// <summary>The server's generic top-level message; the reason goes to <c>extensions.message</c>.</summary>
    public const string UnexpectedMessage = "Unexpected Execution Error";

    /// <summary>
    /// A top-level execution error <c>{"message":"Unexpected Execution Error","extensions":{"message": reason}}</c>,
    /// e.g. an F-id mutation on an unknown id, or a DAILY score that already exists. Throw it from a resolver: the
    /// answer is 200 with <c>errors</c> and <c>data.&lt;field&gt;: null</c>.
    /// </summary>
    public static ExecutionError Unexpected(string reason) =>
        new(UnexpectedMessage) { Extensions = new Dictionary<string, object?> { ["message"] = reason } };
}
