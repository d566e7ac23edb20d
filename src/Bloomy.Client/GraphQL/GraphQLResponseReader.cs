using System.Text.Json;
using Bloomy.Client.Http;

namespace Bloomy.Client.GraphQL;

// Decides success or failure of a GraphQL answer, in the order of bloom-graphql.md §3: a body that is not JSON;
// top-level errors (whatever the status); a non-2xx status without errors (the REST failure mapping: 401, 429, 5xx...);
// then the root field by the document's family. Returns the root field's value, cloned.
internal sealed class GraphQLResponseReader
{
    private readonly FailureMapper _failures;

    public GraphQLResponseReader(FailureMapper failures) => _failures = failures;

    public JsonElement Read(GraphQLDocument document, RequestState state, AttemptResult result)
    {
        var name = document.Name;
        JsonElement root;
        try
        {
            root = ParseObject(result.Body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // 1. Not JSON: the status says what went wrong, else the body is unusable.
            if (!result.IsSuccess)
            {
                throw _failures.MapStatus(state, result);
            }
            var what = ResponseDeserializer.IsHtml(result)
                ? "an HTML page, often a proxy, sign-in or error page in front of the API"
                : "invalid JSON";
            throw _failures.InvalidResponse(state, result, $"GraphQL {name} returned {result.StatusCode} with a body that is not a JSON object ({what}).", ex);
        }

        // 2. Top-level errors, with HTTP 200 (execution) or 400 (the document was refused).
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw ErrorsFailure(document, state, result, errors);
        }

        // 3. No errors but not 2xx: an HTTP failure (an expired token's 401, a 503...).
        if (!result.IsSuccess)
        {
            throw _failures.MapStatus(state, result);
        }

        // 4. The root field, by family. A missing or null data counts as {}.
        var value = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var field)
            ? field
            : default;
        var isNull = value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        switch (document.Family)
        {
            case GraphQLFamily.Query:
            case GraphQLFamily.List:
                return isNull ? NullElement : value.Clone();
            case GraphQLFamily.Response:
                if (isNull || value.ValueKind != JsonValueKind.Object) throw NoResult(document, state, result);
                CheckResponse(document, state, result, value);
                return value.Clone();
            default: // Id and Entity
                if (isNull || value.ValueKind != JsonValueKind.Object) throw NoResult(document, state, result);
                if (!value.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var n) || n == 0)
                {
                    throw Invalid(document, state, result, $"GraphQL {name}: no id returned, although no error was reported (the change may not have been made).");
                }
                return value.Clone();
        }
    }

    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    private static JsonElement ParseObject(byte[]? body)
    {
        if (body is null || body.Length == 0)
        {
            throw new JsonException("The body is empty.");
        }
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The body is JSON but not an object.");
        }
        return json.RootElement.Clone();
    }

    // F-response: success false → the message, else the error details, else a generic text.
    private void CheckResponse(GraphQLDocument document, RequestState state, AttemptResult result, JsonElement value)
    {
        if (value.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True)
        {
            return;
        }
        var details = new List<BloomyGraphQLErrorDetail>();
        if (value.TryGetProperty("errorDetails", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    details.Add(new BloomyGraphQLErrorDetail(Text(item, "message") ?? string.Empty, Text(item, "type")));
                }
            }
        }
        var reason = Text(value, "message");
        var detailText = string.Join("; ", details.Select(d => d.Message).Where(m => m.Length > 0));
        var text = (reason, detailText) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => reason + " (" + detailText + ")",
            ({ Length: > 0 }, _) => reason!,
            (_, { Length: > 0 }) => detailText,
            _ => "the server reported that it did not perform the action, without a reason",
        };
        throw new BloomyGraphQLException(BloomyFailureKind.HttpStatus, $"GraphQL {document.Name} failed: {_failures.RedactAll(text!)}.",
            document.Name, result.StatusCode, null, details, state.Retries);
    }

    private BloomyGraphQLException ErrorsFailure(GraphQLDocument document, RequestState state, AttemptResult result, JsonElement errors)
    {
        var list = new List<BloomyGraphQLError>();
        foreach (var item in errors.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                list.Add(new BloomyGraphQLError(item.ToString(), null, null));
                continue;
            }
            var path = item.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList()
                : null;
            JsonElement? extensions = item.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object ? ext.Clone() : null;
            list.Add(new BloomyGraphQLError(Text(item, "message") ?? string.Empty, path, extensions));
        }
        var joined = _failures.RedactAll(string.Join("; ", list.Select(Describe)));
        var message = result.StatusCode == 400
            ? $"The server refused the GraphQL document {document.Name} (HTTP 400): {joined}. This is a Bloomy bug or a change of the server's schema; nothing was done. Please report it with this message."
            : $"GraphQL {document.Name} failed: {joined}.";
        return new BloomyGraphQLException(BloomyFailureKind.HttpStatus, message, document.Name, result.StatusCode, list, null, state.Retries);
    }

    // The message of one error; a generic one ("Unexpected Execution Error") gives way to extensions.message.
    internal static string Describe(BloomyGraphQLError error)
    {
        var message = error.Message.Trim();
        var inner = error.ExtensionsMessage?.Trim();
        if (string.IsNullOrEmpty(inner) || string.Equals(inner, message, StringComparison.Ordinal))
        {
            return message.Length > 0 ? message : "Unknown GraphQL error";
        }
        return message.Length == 0 || IsGeneric(message) ? inner! : message + " (" + inner + ")";
    }

    private static bool IsGeneric(string message) =>
        message.StartsWith("Unexpected Execution Error", StringComparison.OrdinalIgnoreCase)
        || message.Equals("Unexpected error", StringComparison.OrdinalIgnoreCase)
        || message.Equals("Unknown GraphQL error", StringComparison.OrdinalIgnoreCase);

    private BloomyGraphQLException NoResult(GraphQLDocument document, RequestState state, AttemptResult result) =>
        Invalid(document, state, result, $"GraphQL {document.Name} reported no error but returned no result (the change may not have been made).");

    private static BloomyGraphQLException Invalid(GraphQLDocument document, RequestState state, AttemptResult result, string message) =>
        new(BloomyFailureKind.InvalidResponse, message, document.Name, result.StatusCode, null, null, state.Retries);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
