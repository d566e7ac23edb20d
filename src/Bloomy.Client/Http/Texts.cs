using System.Globalization;
using System.Net;
using System.Text;

namespace Bloomy.Client.Http;

// Formatting shared by messages and events, kept in one place so they read alike.
internal static class Texts
{
    public const int ExcerptLength = 200;

    public static string Duration(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }
        if (value.TotalSeconds < 1)
        {
            return ((long)Math.Round(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";
        }
        if (value.TotalMinutes >= 1 && value.Seconds == 0 && value.Milliseconds == 0)
        {
            return ((long)value.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min";
        }
        var seconds = value.TotalSeconds;
        return (seconds == Math.Floor(seconds)
            ? seconds.ToString("0", CultureInfo.InvariantCulture)
            : seconds.ToString("0.0", CultureInfo.InvariantCulture)) + " s";
    }

    // Waits read better in seconds ("retry 1/3 in 0.6 s"), even when short.
    public static string Seconds(TimeSpan value)
    {
        var seconds = Math.Max(0, value.TotalSeconds);
        if (seconds >= 60)
        {
            return Duration(value);
        }
        var rounded = Math.Round(seconds, 1);
        return (rounded == Math.Floor(rounded)
            ? rounded.ToString("0", CultureInfo.InvariantCulture)
            : rounded.ToString("0.0", CultureInfo.InvariantCulture)) + " s";
    }

    public static string Reason(int status, string? reasonPhrase)
    {
        if (!string.IsNullOrWhiteSpace(reasonPhrase))
        {
            return reasonPhrase!.Trim();
        }
        return status switch
        {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            408 => "Request Timeout",
            409 => "Conflict",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Unknown Status",
        };
    }

    // How much of a body is decoded for an excerpt: far more than is shown, since whitespace collapses.
    private const int ExcerptWindow = 64 * 1024;

    // A key prefix this long at the very end of a cut text is masked as if it were the key.
    private const int MaskedPrefixLength = 3;

    // A one-line start of a body for messages: control characters and runs of whitespace collapse.
    // Redacted before it is cut, never after: a key straddling a cut would otherwise survive as a prefix.
    // A body may already have been cut where it was read, so a key prefix ending the text is masked too.
    public static string? Excerpt(byte[]? body, int count, string? secret)
    {
        if (body is null || count <= 0)
        {
            return null;
        }
        var text = new UTF8Encoding(false, false).GetString(body, 0, Math.Min(Math.Min(count, body.Length), ExcerptWindow));
        return Excerpt(MaskTrailingPrefix(Redact(text, secret), secret), secret);
    }

    public static string? Excerpt(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        text = Redact(text!, secret);
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }
        // Again after collapsing, in case the collapse joined a key back together; only then cut.
        var result = Redact(builder.ToString(), secret).TrimEnd();
        if (result.Length > ExcerptLength)
        {
            result = result.Substring(0, ExcerptLength).TrimEnd();
        }
        return result.Length == 0 ? null : result;
    }

    public static string MaskTrailingPrefix(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(text))
        {
            return text;
        }
        for (var length = Math.Min(secret!.Length - 1, text.Length); length >= MaskedPrefixLength; length--)
        {
            if (string.CompareOrdinal(text, text.Length - length, secret, 0, length) == 0)
            {
                return text.Substring(0, text.Length - length) + "***";
            }
        }
        return text;
    }

    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(text))
        {
            return text;
        }
        var index = text.IndexOf(secret, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }
        return text.Replace(secret, "***");
    }

    // The messages of an exception and its causes, for transport failures whose useful words
    // ("Connection refused") live in an inner exception.
    public static string Flatten(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException)
        {
            var message = e.Message?.Trim();
            if (!string.IsNullOrEmpty(message) && !parts.Contains(message!))
            {
                parts.Add(message!);
            }
        }
        return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
    }
}
