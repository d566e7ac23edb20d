using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Bloomy.Client.Http;

// What one attempt produced. The HttpResponseMessage is disposed inside the attempt (under the
// attempt timeout and the concurrency slot), so only plain data leaves it.
internal sealed class AttemptResult
{
    public AttemptResult(int statusCode, string? reasonPhrase, TimeSpan? retryAfter, byte[]? body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        RetryAfter = retryAfter;
        Body = body;
    }

    public int StatusCode { get; }
    public string? ReasonPhrase { get; }
    public TimeSpan? RetryAfter { get; }
    public byte[]? Body { get; }

    // The response's media type ("application/json", "text/html"), null when it had none.
    public string? MediaType { get; init; }

    public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;
}

internal static class RetryAfterParser
{
    // Retry-After is either delta-seconds or an HTTP-date; a date is measured against the client's
    // TimeProvider so that fake time in tests sees the same "now" as the delays. A wait of zero, a negative
    // one or a date in the past asks for nothing usable: null, so the normal back-off applies instead of
    // an immediate retry.
    public static TimeSpan? Parse(HttpResponseMessage response, TimeProvider time)
    {
        RetryConditionHeaderValue? header;
        try
        {
            header = response.Headers.RetryAfter;
        }
        catch (FormatException)
        {
            header = null;
        }
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : null;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
        if (response.Headers.TryGetValues("Retry-After", out var raw))
        {
            return Parse(raw.FirstOrDefault(), time);
        }
        return null;
    }

    public static TimeSpan? Parse(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        value = value!.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds))
            {
                return null;
            }
            return seconds <= 0 ? null : TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds));
        }
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ||
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : null;
        }
        return null;
    }
}
