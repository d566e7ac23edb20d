using System.Text.Json;

namespace Bloomy.Client.GraphQL;

// Small typed reads of a GraphQL object's fields, shared by the per-resource readers. A field of the wrong kind is a
// FormatException; the readers turn it into an InvalidResponse naming the operation.
internal static class GraphQLEntityReader
{
    public static long Id(JsonElement owner, string property = "id") =>
        owner.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id)
            ? id
            : throw new FormatException($"'{property}' is missing or not an integer.");

    public static long? OptionalId(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var id)
            ? id
            : null;

    public static string? String(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;

    public static JsonElement Object(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    public static DateTime? Time(JsonElement owner, string property) => UnixTime.Read(owner, property)?.UtcDateTime;

    // Runs a mapping, reporting a malformed object as an unusable answer of the operation.
    public static T Map<T>(GraphQLDocument document, JsonElement element, Func<JsonElement, T> map)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse,
                $"GraphQL {document.Name} returned {element.ValueKind} where an object was expected.", document.Name, 200);
        }
        try
        {
            return map(element);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse,
                $"GraphQL {document.Name} returned an object Bloomy cannot read: {ex.Message}", document.Name, 200);
        }
    }
}
