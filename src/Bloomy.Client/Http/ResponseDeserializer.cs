using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bloomy.Client.Http;

// Reads a successful answer: the JSON value a call expects, or, for a call that expects none, a check that the
// answer is not the web application's HTML page standing in for the API (a mistyped route answers 200 with one).
internal sealed class ResponseDeserializer
{
    private readonly FailureMapper _failures;

    public ResponseDeserializer(FailureMapper failures) => _failures = failures;

    public T Deserialize<T>(RequestState state, AttemptResult result, JsonTypeInfo<T> responseType)
    {
        var what = state.MethodName + " " + state.Path;
        var body = result.Body;
        if (body is null || body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw _failures.InvalidResponse(state, result, $"{what} returned {result.StatusCode} with an empty body where JSON was expected.", null);
        }
        if (IsHtml(result))
        {
            throw _failures.InvalidResponse(state, result,
                $"{what} returned a body that is not the expected JSON (an HTML page: a mistyped route answered by the web application, " +
                "or a proxy, sign-in or error page in front of the API).", null);
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body, responseType);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // A page of markup is usually a proxy, sign-in or error page standing in for the API: say so plainly.
            var detail = LooksLikeMarkup(body)
                ? "an HTML page, often a proxy, sign-in or error page in front of the API"
                : _failures.Redact(ex.Message);
            throw _failures.InvalidResponse(state, result, $"{what} returned a body that is not the expected JSON ({detail}).", ex);
        }
        if (value is null)
        {
            throw _failures.InvalidResponse(state, result, $"{what} returned JSON null where a value was expected.", null);
        }
        return value;
    }

    // For a call that expects no answer: the plural-path trap, where a mistyped route answers 200 with the web
    // application's page, must not pass for an empty success.
    public void EnsureNotHtml(RequestState state, AttemptResult result)
    {
        if (IsHtml(result))
        {
            throw _failures.InvalidResponse(state, result,
                $"{state.MethodName} {state.Path} returned {result.StatusCode} with an HTML page where the API answers with an empty body " +
                "(wrong route?); nothing shows the change was made.", null);
        }
    }

    // An HTML page rather than the API's answer: typed text/html without a JSON-looking start, or starting with '<'.
    internal static bool IsHtml(AttemptResult result)
    {
        var body = result.Body;
        if (body is not null && LooksLikeMarkup(body))
        {
            return true;
        }
        return result.MediaType is { } type && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
            && !StartsLikeJson(body);
    }

    private static bool StartsLikeJson(byte[]? body)
    {
        if (body is null) return false;
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }

    private static bool LooksLikeMarkup(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'<';
        }
        return false;
    }
}
