using GraphQL;

namespace Bloomy.Emulator.GraphQL;

/// <summary>Reads a GraphQL input object as the dictionary GraphQL.NET builds: a key is present only when sent.</summary>
internal static class GraphQLInputs
{
    internal static IDictionary<string, object?> Of(IResolveFieldContext c, string name = "input") =>
        c.GetArgument<Dictionary<string, object?>>(name) ?? new Dictionary<string, object?>();

    /// <summary>The value of an input key; null when absent.</summary>
    internal static object? Value(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var v) ? v : null;

    internal static string? String(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var v) ? v as string : null;

    internal static long? Long(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is not null ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    internal static bool? Bool(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var v) ? v as bool? : null;

    /// <summary>A unix-seconds Float as a UTC time; null when absent or null.</summary>
    internal static DateTime? Time(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is not null
            ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)), DateTimeKind.Utc)
            : null;

    /// <summary>A list of Longs (e.g. headline <c>meetings</c>); empty when absent.</summary>
    internal static IReadOnlyList<long> Longs(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is System.Collections.IEnumerable list
            ? list.Cast<object?>().Where(x => x is not null).Select(x => Convert.ToInt64(x, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];
}
