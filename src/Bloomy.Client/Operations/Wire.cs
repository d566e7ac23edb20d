using System.Globalization;

namespace Bloomy.Client.Operations;

/// <summary>Small helpers for building request paths.</summary>
internal static class Wire
{
    /// <summary>Formats a path with invariant culture (ids are plain digits).</summary>
    public static string Route(FormattableString path) => FormattableString.Invariant(path);

    /// <summary>Lower-case <c>true</c>/<c>false</c> as the SDK sends booleans in queries.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
