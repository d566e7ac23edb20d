using System.Globalization;
using System.Text.Json;

namespace Bloomy.Client.GraphQL;

// Decimal values (metric goals, score values) travel as strings (bloom-graphql.md §4.2): "12.5" out, "100.00000" back,
// "" or null for no value. Always the invariant culture, whatever the thread's culture (th-TH, de-DE...).
internal static class GraphQLDecimal
{
    // The wire form of a value: invariant, no thousands separators, no exponent.
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // A wire string back to a value: "" (or whitespace, or null) → null.
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (decimal.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        throw new FormatException($"'{text}' is not a decimal number.");
    }

    // A decimal field of a GraphQL object: a string (the documented form) or a number; absent, null or "" → null.
    public static decimal? Read(JsonElement owner, string property)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => Parse(value.GetString()),
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            _ => throw new FormatException($"'{property}' is not a decimal: {value.GetRawText()}."),
        };
    }
}
