using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bloomy.Emulator;

/// <summary>JSON helpers: case-insensitive reading of request bodies, PascalCase writing with nulls kept.</summary>
internal static class Json
{
    internal static readonly JsonSerializerOptions Out = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    internal static byte[] Bytes(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Out);

    /// <summary>A property by name, ignoring case; null when absent (a JSON null is returned as an element of kind Null).</summary>
    internal static JsonElement? Prop(JsonElement? obj, string name)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o) return null;
        foreach (var p in o.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                return p.Value;
        return null;
    }

    /// <summary>The first of several names that is present.</summary>
    internal static JsonElement? Prop(JsonElement? obj, params string[] names)
    {
        foreach (var n in names)
            if (Prop(obj, n) is { } v) return v;
        return null;
    }

    internal static bool Has(JsonElement? obj, string name) => Prop(obj, name) is not null;

    internal static string? Str(JsonElement? obj, params string[] names) => Prop(obj, names) is { } v ? AsString(v) : null;

    internal static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new FormatException("Expected a string value."),
    };

    internal static long? Long(JsonElement? obj, params string[] names) => Prop(obj, names) is { } v ? AsLong(v) : null;

    internal static long? AsLong(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetInt64(out var l) => l,
        JsonValueKind.Number when v.TryGetDecimal(out var d) && d == decimal.Truncate(d) => (long)d,
        JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        JsonValueKind.String when string.IsNullOrWhiteSpace(v.GetString()) => null,
        JsonValueKind.Null => null,
        _ => throw new FormatException("Expected an integer value."),
    };

    internal static double? Double(JsonElement? obj, params string[] names) => Prop(obj, names) is { } v ? (double?)AsDecimal(v) : null;

    internal static decimal? AsDecimal(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.String when string.IsNullOrWhiteSpace(v.GetString()) => null,
        JsonValueKind.Null => null,
        _ => throw new FormatException("Expected a number value."),
    };

    internal static bool? Bool(JsonElement? obj, params string[] names) => Prop(obj, names) is { } v ? AsBool(v) : null;

    internal static bool? AsBool(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
        JsonValueKind.Number when v.TryGetInt32(out var i) => i != 0,
        _ => throw new FormatException("Expected a boolean value."),
    };

    /// <summary>Lenient date parse ("2024-12-31", "2024-06-17T00:00:00", "...Z", offsets); result in UTC.</summary>
    internal static DateTime? Date(JsonElement? obj, params string[] names)
    {
        var s = Str(obj, names);
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
            return DateTime.SpecifyKind(d, DateTimeKind.Utc);
        throw new FormatException($"Invalid date '{s}'.");
    }

    /// <summary>UTC timestamp form, e.g. "2024-06-01T10:00:00Z".</summary>
    internal static string? Utc(DateTime? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Server-native form without offset, e.g. "2024-12-31T00:00:00".</summary>
    internal static string? Local(DateTime? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
