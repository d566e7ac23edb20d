using System.Text.Json;

namespace Bloomy.Client;

/// <summary>
/// A GraphQL operation failed although the server answered: it listed errors (HTTP 200 for an execution error, 400
/// when it refused the document), reported <c>success: false</c>, or returned no usable result.
/// </summary>
public class BloomyGraphQLException : BloomyApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind"><see cref="BloomyFailureKind.HttpStatus"/> when the server reported the failure, <see cref="BloomyFailureKind.InvalidResponse"/> when its answer was unusable.</param>
    /// <param name="message">A message naming the operation, never the key or the variables.</param>
    /// <param name="operationName">The root field of the document (for example <c>EditTodo</c>).</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="errors">The top-level <c>errors</c> of the answer (empty when it had none).</param>
    /// <param name="errorDetails">The <c>errorDetails</c> of a <c>success: false</c> result (empty otherwise).</param>
    /// <param name="retryCount">How many retries were made before giving up.</param>
    public BloomyGraphQLException(
        BloomyFailureKind kind,
        string message,
        string operationName,
        int? statusCode,
        IReadOnlyList<BloomyGraphQLError>? errors = null,
        IReadOnlyList<BloomyGraphQLErrorDetail>? errorDetails = null,
        int retryCount = 0)
        : base(kind, message, "POST", "graphql/ " + operationName, statusCode, null, retryCount)
    {
        OperationName = operationName ?? string.Empty;
        Errors = errors ?? Array.Empty<BloomyGraphQLError>();
        ErrorDetails = errorDetails ?? Array.Empty<BloomyGraphQLErrorDetail>();
    }

    /// <summary>The root field of the document (for example <c>EditTodo</c>).</summary>
    public string OperationName { get; }

    /// <summary>The top-level <c>errors</c> of the answer, as the server sent them.</summary>
    public IReadOnlyList<BloomyGraphQLError> Errors { get; }

    /// <summary>The <c>errorDetails</c> of a <c>success: false</c> result.</summary>
    public IReadOnlyList<BloomyGraphQLErrorDetail> ErrorDetails { get; }

    /// <summary>Whether the server refused the document itself (HTTP 400 with errors): a Bloomy bug or a change of the server's schema.</summary>
    public bool DocumentRefused => StatusCode == 400 && Errors.Count > 0;

    /// <summary>
    /// Whether the server said the caller may not do this (bloom-graphql.md §3): an error detail of type
    /// <c>FORBIDDEN</c> or with its text ("User not allowed to perform this action"), or a top-level error from the
    /// server's <c>PermissionsException</c>.
    /// </summary>
    public bool IsPermissionDenied =>
        ErrorDetails.Any(d => string.Equals(d.Type, "FORBIDDEN", StringComparison.OrdinalIgnoreCase) || IsNotAllowedText(d.Message))
        || Errors.Any(e => IsPermissionsException(e.Message) || IsPermissionsException(e.ExtensionsMessage));

    // Documents select errorDetails { message } only (the doc's documents do; type is known from the server's classes
    // alone), so a FORBIDDEN detail is recognised by its text too.
    private static bool IsNotAllowedText(string? text) =>
        text is not null && text.Trim().TrimEnd('.').Equals("User not allowed to perform this action", StringComparison.OrdinalIgnoreCase);

    private static bool IsPermissionsException(string? text) =>
        text is not null && text.TrimStart().StartsWith("PermissionsException", StringComparison.Ordinal);
}

/// <summary>One entry of a GraphQL answer's top-level <c>errors</c>.</summary>
public sealed class BloomyGraphQLError
{
    /// <summary>Creates the entry.</summary>
    /// <param name="message">The error's <c>message</c>.</param>
    /// <param name="path">The error's <c>path</c> (field names and list indexes as text).</param>
    /// <param name="extensions">The error's <c>extensions</c> object, if any.</param>
    public BloomyGraphQLError(string message, IReadOnlyList<string>? path, JsonElement? extensions)
    {
        Message = message ?? string.Empty;
        Path = path ?? Array.Empty<string>();
        Extensions = extensions;
        if (extensions is { ValueKind: JsonValueKind.Object } ext && ext.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.String)
        {
            ExtensionsMessage = inner.GetString();
        }
    }

    /// <summary>The error's <c>message</c> (may be generic, such as "Unexpected Execution Error").</summary>
    public string Message { get; }

    /// <summary>The error's <c>path</c>: the fields (and list indexes) leading to the failed field.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The error's <c>extensions</c> object as sent, if any.</summary>
    public JsonElement? Extensions { get; }

    /// <summary><c>extensions.message</c>: where Bloom Growth puts the underlying reason when <see cref="Message"/> is generic.</summary>
    public string? ExtensionsMessage { get; }
}

/// <summary>One entry of the <c>errorDetails</c> of a GraphQL result that reported <c>success: false</c>.</summary>
public sealed class BloomyGraphQLErrorDetail
{
    /// <summary>Creates the entry.</summary>
    /// <param name="message">The detail's <c>message</c>.</param>
    /// <param name="type">The detail's <c>type</c> (<c>FORBIDDEN</c>, <c>INTERNAL_ERROR</c>, <c>VALIDATION</c>), if sent.</param>
    public BloomyGraphQLErrorDetail(string message, string? type)
    {
        Message = message ?? string.Empty;
        Type = type;
    }

    /// <summary>The detail's <c>message</c>.</summary>
    public string Message { get; }

    /// <summary>The detail's <c>type</c> (<c>FORBIDDEN</c>, <c>INTERNAL_ERROR</c>, <c>VALIDATION</c>), if sent.</summary>
    public string? Type { get; }
}
